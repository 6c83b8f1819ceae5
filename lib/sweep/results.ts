import { computeMetrics } from "../stream/metrics";
import type { RunRecord } from "../run/run";
import type { TokenLogprob } from "../stream/assemble";
import { type CellResult, MAX_CELL_ALTERNATIVES, MAX_CELL_TOKENS, pendingResult } from "./schema";

/**
 * From one finished run (lib/client/run's record) to the figures a cell shows. The schema
 * verdict is passed in: checking it is async (ajv loads on demand) and only applies when the
 * cell asked for a schema (see requestedSchema).
 */
export function cellResultFromRun(record: RunRecord, schemaValid: boolean | null): CellResult {
  const metrics = computeMetrics(record);
  const first = record.choices[0];
  const error = record.error ? { status: record.error.status, message: record.error.message } : null;
  return {
    status: statusOf(record),
    text: first?.text ?? "",
    finishReason: first?.finishReason ?? null,
    ttftMs: metrics.ttftMs,
    totalMs: metrics.totalMs,
    // Usage when the provider sent it, else the streamed chunk count (as the playground shows).
    completionTokens: metrics.completionTokens ?? (metrics.tokenSource === "chunks" ? record.deltaCount : null),
    promptTokens: metrics.promptTokens,
    schemaValid: record.error ? null : schemaValid,
    ...(first && first.logprobs.length > 0 ? { logprobs: storedTokens(first.logprobs) } : {}),
    error,
  };
}

function statusOf(record: RunRecord): CellResult["status"] {
  switch (record.state) {
    case "done":
      return record.error ? "failed" : "done";
    case "error":
      return "failed";
    case "stopped":
      return "cancelled";
    default:
      return "running";
  }
}

/** A cell that failed before or without a response (no key, a network error, a thrown task). */
export function failedResult(message: string, status: number | null = null): CellResult {
  return { ...pendingResult(), status: "failed", error: { status, message } };
}

export { requestedSchema } from "../checks/schema-check";

/** JSON has no -Infinity (a token the model ruled out): such log-probabilities are stored as -1000. */
function storedTokens(tokens: readonly TokenLogprob[]): TokenLogprob[] {
  const finite = (lp: number) => (Number.isFinite(lp) ? lp : -1000);
  return tokens.slice(0, MAX_CELL_TOKENS).map((t) => ({
    token: t.token,
    logprob: finite(t.logprob),
    top: t.top.slice(0, MAX_CELL_ALTERNATIVES).map((a) => ({ token: a.token, logprob: finite(a.logprob) })),
  }));
}
