import { columnFrom } from "../compare/state";
import { MAX_SHARED_CASES_TEXT } from "./limits";
import type { Evaluation } from "./schema";
import type { SharePayload } from "../share";

/** The definition as a share payload; cases longer than a link should carry are left out (`casesLeftOut`). */
export function evaluationPayload(ev: Evaluation): { payload: SharePayload; casesLeftOut: boolean } {
  const casesLeftOut = ev.casesText.length > MAX_SHARED_CASES_TEXT;
  return {
    payload: {
      kind: "evaluate",
      session: ev.session,
      targets: ev.targets,
      repeats: ev.repeats,
      casesText: casesLeftOut ? "" : ev.casesText,
      assertions: ev.assertions,
    },
    casesLeftOut,
  };
}

/**
 * A shared or imported payload as an evaluation: an evaluation link as it is; a compare view
 * gives its conversation and targets; a session or a sweep its conversation and target. What
 * the payload does not carry (cases, assertions) is kept from `current`.
 */
export function evaluationFromPayload(payload: SharePayload, current: Evaluation): Evaluation {
  switch (payload.kind) {
    case "evaluate":
      return {
        version: 1,
        session: payload.session,
        targets: payload.targets,
        repeats: payload.repeats,
        casesText: payload.casesText,
        assertions: payload.assertions,
      };
    case "compare":
      return { ...current, session: payload.session, targets: payload.columns };
    default:
      return { ...current, session: payload.session, targets: [columnFrom(payload.session)] };
  }
}
