import { describe, expect, it } from "vitest";
import { pendingRun, runKey } from "./keys";
import { costOf } from "../pricing/prices";
import { cellRuns, runPassed, summarizeCell, summarizeRuns, targetRuns } from "./results";
import type { EvalRun } from "./schema";

const run = (patch: Partial<EvalRun>): EvalRun => ({ ...pendingRun(), status: "done", ...patch });
const ok = { status: "pass" as const, reason: "" };
const no = { status: "fail" as const, reason: "" };
const err = { status: "error" as const, reason: "" };

describe("evaluation results", () => {
  it("a run passes only with an answer and every assertion held", () => {
    expect(runPassed(run({ checks: [ok, ok] }))).toBe(true);
    expect(runPassed(run({ checks: [ok, no] }))).toBe(false);
    expect(runPassed(run({ checks: [err] }))).toBe(false);
    expect(runPassed(run({ status: "failed", checks: [] }))).toBe(false);
    expect(runPassed(run({ checks: [] }))).toBe(true);
  });

  it("a cell counts k of n, request failures apart, and distinct answers", () => {
    const runs = [
      run({ text: "A", checks: [ok, no] }),
      run({ text: "A\n", checks: [ok, ok] }),
      run({ text: "B", checks: [no, ok] }),
      run({ status: "failed" }),
      run({ status: "cancelled" }),
    ];
    expect(summarizeCell(runs, 2)).toEqual({ answered: 3, passed: 1, failed: 1, open: 1, distinct: 2, perAssertion: [2, 2] });
  });

  it("a target's rate has a Wilson interval, latency median and p90, tokens and cost", () => {
    const runs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) =>
      run({ totalMs: i * 100, ttftMs: i, promptTokens: 10, completionTokens: 5, checks: [i <= 8 ? ok : no] }),
    );
    const s = summarizeRuns([...runs, run({ status: "failed" })], { input: 1, output: 2 });
    expect(s.answered).toBe(10);
    expect(s.passed).toBe(8);
    expect(s.failed).toBe(1);
    expect(s.rate).toBe(0.8);
    expect(s.interval!.low).toBeCloseTo(0.4902, 4);
    expect(s.interval!.high).toBeCloseTo(0.9433, 4);
    expect(s.medianMs).toBe(550);
    expect(s.p90Ms).toBe(900);
    expect(s.medianTtftMs).toBe(5.5);
    expect(s.promptTokens).toBe(100);
    expect(s.completionTokens).toBe(50);
    expect(s.cost).toBeCloseTo((100 * 1 + 50 * 2) / 1e6, 12);
    expect(summarizeRuns(runs, null).cost).toBeNull();
    expect(summarizeRuns([], null)).toMatchObject({ rate: null, interval: null, medianMs: null });
  });

  it("cost is per million tokens", () => {
    expect(costOf(1_000_000, 500_000, { input: 0.5, output: 1.5 })).toBe(1.25);
  });

  it("collects a cell's repeats and a target's runs by key", () => {
    const results = {
      [runKey(0, "t1", 0)]: run({ text: "a" }),
      [runKey(0, "t1", 2)]: run({ text: "c" }),
      [runKey(1, "t1", 0)]: run({ text: "d" }),
      [runKey(0, "t2", 0)]: run({ text: "x" }),
    };
    expect(cellRuns(results, 0, "t1", 3).map((r) => r.text)).toEqual(["a", "c"]);
    expect(targetRuns(results, 2, "t1", 3).map((r) => r.text)).toEqual(["a", "c", "d"]);
  });
});
