import type { SessionAction } from "../session/state";
import { type CompareState, columnFrom, compareReducer } from "../compare/state";
import type { Session } from "../session/schema";
import type { Assertion, AssertionKind } from "./assertion-schema";
import { newAssertion } from "./assertion-kinds";
import { type Evaluation, MAX_EVAL_TARGETS } from "./schema";

/**
 * Edits of an evaluation. Targets and the template behave exactly as compare's columns and
 * shared conversation (compareReducer does the work), except that one target is enough.
 */
export type EvalAction =
  | { type: "replace"; evaluation: Evaluation }
  | { type: "template"; action: SessionAction }
  | { type: "target"; id: string; action: SessionAction }
  | { type: "addTarget" }
  | { type: "removeTarget"; id: string }
  | { type: "setRepeats"; repeats: number }
  | { type: "setCases"; text: string }
  | { type: "addAssertion"; kind: AssertionKind }
  | { type: "updateAssertion"; assertion: Assertion }
  | { type: "removeAssertion"; id: string };

/** A first evaluation over a session: its conversation as the template, its target, one repeat, no cases. */
export function initialEvaluation(session: Session): Evaluation {
  return { version: 1, session, targets: [columnFrom(session)], repeats: 1, casesText: "", assertions: [] };
}

function asCompare(ev: Evaluation): CompareState {
  return { version: 1, session: ev.session, columns: ev.targets, baselineId: ev.targets[0]?.id ?? "", repeats: ev.repeats };
}

function viaCompare(ev: Evaluation, action: Parameters<typeof compareReducer>[1]): Evaluation {
  const next = compareReducer(asCompare(ev), action);
  return { ...ev, session: next.session, targets: next.columns, repeats: next.repeats };
}

export function evalReducer(ev: Evaluation, a: EvalAction): Evaluation {
  switch (a.type) {
    case "replace":
      return a.evaluation;
    case "template":
      return viaCompare(ev, { type: "sharedAction", action: a.action });
    case "target":
      return viaCompare(ev, { type: "columnAction", id: a.id, action: a.action });
    case "addTarget":
      return ev.targets.length >= MAX_EVAL_TARGETS ? ev : viaCompare(ev, { type: "add" });
    case "removeTarget":
      return ev.targets.length <= 1 ? ev : { ...ev, targets: ev.targets.filter((t) => t.id !== a.id) };
    case "setRepeats":
      return viaCompare(ev, { type: "setRepeats", repeats: a.repeats });
    case "setCases":
      return { ...ev, casesText: a.text };
    case "addAssertion":
      return { ...ev, assertions: [...ev.assertions, newAssertion(a.kind)] };
    case "updateAssertion":
      return { ...ev, assertions: ev.assertions.map((x) => (x.id === a.assertion.id ? a.assertion : x)) };
    case "removeAssertion":
      return { ...ev, assertions: ev.assertions.filter((x) => x.id !== a.id) };
  }
}
