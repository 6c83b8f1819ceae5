import type { RunRecord } from "../run/run";
import { computeMetrics } from "../stream/metrics";
import { sessionForColumn } from "../compare/columns";
import type { CompareColumn } from "../compare/column-schema";
import type { Session } from "../session/schema";
import { cellResultFromRun } from "../sweep/results";
import type { Assertion } from "./assertion-schema";
import type { EvalCase } from "./cases";
import type { CheckResult, Observation } from "./check";
import { runKey } from "./keys";
import type { EvalRun, Evaluation } from "./schema";
import { fillSession } from "./template";

/** One request of an evaluation: a case filled into the template, sent to one target, one repeat. */
export interface EvalTask {
  key: string;
  caseIndex: number;
  targetId: string;
  repeat: number;
  session: Session;
  case: EvalCase;
  /** The assertions its answer is checked with (those of the definition that was run). */
  assertions: readonly Assertion[];
}

/** Every request, case by case, each case's targets and repeats together. */
export function planTasks(ev: Evaluation, cases: readonly EvalCase[]): EvalTask[] {
  return cases.flatMap((c, caseIndex) => {
    const filled = fillSession(ev.session, c.vars);
    return ev.targets.flatMap((t) => Array.from({ length: ev.repeats }, (_, repeat) => task(ev, filled, t, c, caseIndex, repeat)));
  });
}

function task(ev: Evaluation, filled: Session, t: CompareColumn, c: EvalCase, caseIndex: number, repeat: number): EvalTask {
  return {
    key: runKey(caseIndex, t.id, repeat),
    caseIndex,
    targetId: t.id,
    repeat,
    session: sessionForColumn(filled, t),
    case: c,
    assertions: ev.assertions,
  };
}

/** The tasks of one cell (a case on a target, every repeat), for a retry. */
export function cellTasks(ev: Evaluation, cases: readonly EvalCase[], caseIndex: number, targetId: string): EvalTask[] {
  const c = cases[caseIndex];
  const t = ev.targets.find((x) => x.id === targetId);
  if (!c || !t) return [];
  const filled = fillSession(ev.session, c.vars);
  return Array.from({ length: ev.repeats }, (_, repeat) => task(ev, filled, t, c, caseIndex, repeat));
}

/** What the assertions see of a finished run. */
export function observationOf(record: RunRecord, c: EvalCase): Observation {
  const m = computeMetrics(record);
  const first = record.choices[0];
  const cell = cellResultFromRun(record, null);
  return {
    output: first?.text ?? "",
    finishReason: first?.finishReason ?? null,
    ttftMs: m.ttftMs,
    totalMs: m.totalMs,
    completionTokens: cell.completionTokens,
    toolCalls: (first?.toolCalls ?? []).map((t) => ({ name: t.function.name, arguments: t.function.arguments })),
    response: record.final,
    vars: c.vars,
    ...(c.expected === undefined ? {} : { expected: c.expected }),
  };
}

/** The stored run: the sweep cell's figures (without log-probabilities), prompt tokens and the verdicts. */
export function evalRunOf(record: RunRecord, checks: CheckResult[]): EvalRun {
  const { logprobs: _, ...cell } = cellResultFromRun(record, null);
  return { ...cell, promptTokens: cell.promptTokens ?? null, checks };
}
