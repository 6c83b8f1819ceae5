"use client";
import { keyStore } from "@/lib/keys/store";
import { prepareRequest } from "@/lib/request/prepare";
import { newRecord, runRequest } from "@/lib/run/run";
import { checkAssertion } from "@/lib/evaluate/check";
import { pendingRun } from "@/lib/evaluate/keys";
import { evalRunOf, type EvalTask, observationOf } from "@/lib/evaluate/plan";
import { runInSandbox } from "@/lib/evaluate/sandbox";
import type { EvalResults, EvalRun } from "@/lib/evaluate/schema";
import { TaskFailed, usePoolRunner } from "../sweep/usePoolRunner";

const failed = (message: string, status: number | null = null): EvalRun => ({
  ...pendingRun(),
  status: "failed",
  error: { status, message },
});

/**
 * One request through the proxy, exactly as the playground sends it, then every assertion on
 * its answer. A failed request fails its run alone (with the provider's words); an assertion
 * that cannot be checked marks its verdict, not the run.
 */
async function runTask(task: EvalTask, signal: AbortSignal): Promise<EvalRun> {
  const p = prepareRequest(task.session, keyStore.get(task.session.providerId).key);
  if (p.built.errors.length > 0) throw new TaskFailed(failed(p.built.errors.join(" ")));
  const record = await runRequest({ url: p.url, headers: p.headers, body: p.sendText, signal, onChange: () => {} }, newRecord());
  // Stopped by Cancel all: thrown so that the pool counts it cancelled, not done (a cut answer is not checked).
  if (record.state === "stopped") throw new Error("Cancelled while it ran.");
  if (record.state !== "done" || record.error) {
    const run = evalRunOf(record, []);
    if (run.status === "failed") throw new TaskFailed(run, run.error?.message);
    return run;
  }
  const observation = observationOf(record, task.case);
  const checks = await Promise.all(task.assertions.map((a) => checkAssertion(a, observation, runInSandbox)));
  return evalRunOf(record, checks);
}

/** Runs an evaluation's requests with the sweeps' per-provider limit; see usePoolRunner. */
export function useEvalRunner(initial: EvalResults) {
  return usePoolRunner<EvalTask, EvalRun>(initial, {
    runTask,
    providerOf: (task) => task.session.providerId,
    pending: pendingRun,
    running: (previous) => ({ ...(previous ?? pendingRun()), status: "running", error: null }),
    failed: (e) => failed(e instanceof Error ? e.message : String(e)),
    cancelled: () => ({ ...failed("Cancelled before it ran."), status: "cancelled" }),
  });
}
