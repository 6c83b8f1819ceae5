import { costOf, type Price } from "../pricing/prices";
import { distinctCount, median } from "../sweep/similarity";
import { runKey } from "./keys";
import type { EvalResults, EvalRun } from "./schema";
import { type Interval, percentile, wilson } from "./stats";

/**
 * Pass figures of an evaluation. A run passes when it got an answer and every assertion held.
 * A run whose request failed (HTTP error, network) is counted apart as an error: it says
 * nothing about the answers, and is retried rather than scored. An assertion that could not be
 * checked (it threw, timed out) fails its run: the cell shows why.
 */
export function runPassed(run: EvalRun): boolean {
  return run.status === "done" && run.checks.every((c) => c.status === "pass");
}

export interface CellSummary {
  /** Runs that got an answer. */
  answered: number;
  passed: number;
  /** Requests that failed. */
  failed: number;
  /** Not run yet, running, or cancelled. */
  open: number;
  distinct: number;
  /** Per assertion, how many answered runs it held in. */
  perAssertion: number[];
}

export function summarizeCell(runs: readonly EvalRun[], assertionCount: number): CellSummary {
  const answered = runs.filter((r) => r.status === "done");
  return {
    answered: answered.length,
    passed: answered.filter(runPassed).length,
    failed: runs.filter((r) => r.status === "failed").length,
    open: runs.filter((r) => r.status !== "done" && r.status !== "failed").length,
    distinct: distinctCount(answered.map((r) => r.text)),
    perAssertion: Array.from({ length: assertionCount }, (_, i) => answered.filter((r) => r.checks[i]?.status === "pass").length),
  };
}

export interface TargetSummary {
  answered: number;
  passed: number;
  failed: number;
  rate: number | null;
  interval: Interval | null;
  medianMs: number | null;
  p90Ms: number | null;
  medianTtftMs: number | null;
  promptTokens: number;
  completionTokens: number;
  /** Null without a price; counts the runs that reported their tokens. */
  cost: number | null;
}

export function summarizeRuns(runs: readonly EvalRun[], price: Price | null): TargetSummary {
  const answered = runs.filter((r) => r.status === "done");
  const passed = answered.filter(runPassed).length;
  const promptTokens = sum(answered.map((r) => r.promptTokens));
  const completionTokens = sum(answered.map((r) => r.completionTokens));
  return {
    answered: answered.length,
    passed,
    failed: runs.filter((r) => r.status === "failed").length,
    rate: answered.length === 0 ? null : passed / answered.length,
    interval: wilson(passed, answered.length),
    medianMs: median(answered.map((r) => r.totalMs)),
    p90Ms: percentile(
      answered.map((r) => r.totalMs),
      0.9,
    ),
    medianTtftMs: median(answered.map((r) => r.ttftMs)),
    promptTokens,
    completionTokens,
    cost: price ? costOf(promptTokens, completionTokens, price) : null,
  };
}

function sum(xs: readonly (number | null)[]): number {
  return xs.reduce<number>((a, x) => a + (x ?? 0), 0);
}

/** The runs of one case on one target, in repeat order (missing ones left out). */
export function cellRuns(results: EvalResults, caseIndex: number, targetId: string, repeats: number): EvalRun[] {
  const out: EvalRun[] = [];
  for (let r = 0; r < repeats; r++) {
    const run = results[runKey(caseIndex, targetId, r)];
    if (run) out.push(run);
  }
  return out;
}

/** Every run of one target over all cases. */
export function targetRuns(results: EvalResults, caseCount: number, targetId: string, repeats: number): EvalRun[] {
  return Array.from({ length: caseCount }, (_, c) => cellRuns(results, c, targetId, repeats)).flat();
}
