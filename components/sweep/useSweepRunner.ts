"use client";
import { useCallback, useRef, useState } from "react";
import { keyStore } from "@/lib/client/keys";
import { prepareRequest } from "@/lib/client/prepare";
import { newRecord, runRequest } from "@/lib/client/run";
import { validateAgainstSchema } from "@/lib/client/schema-check";
import { type CellResult, cellResultFromRun, failedResult, type GridCell, type PoolProgress, requestedSchema, runWithLimits, type SweepResults } from "@/lib/sweep";

/** A cell whose request failed: the pool counts it as failed, and its result keeps the provider's words. */
class CellFailed extends Error {
  constructor(readonly result: CellResult) {
    super(result.error?.message ?? "failed");
  }
}

/** One cell: the playground's exact request for the cell's session, through the proxy. */
async function runCell(cell: GridCell, signal: AbortSignal) {
  const p = prepareRequest(cell.session, keyStore.get(cell.session.providerId).key);
  const record = await runRequest({ url: p.url, headers: p.headers, body: p.sendText, signal, onChange: () => {} }, newRecord());
  const schema = requestedSchema(cell.session);
  const text = record.choices[0]?.text ?? "";
  const schemaValid = schema === undefined || record.state !== "done" ? null : (await validateAgainstSchema(schema, text)).valid;
  const result = cellResultFromRun(record, schemaValid);
  if (result.status === "failed") throw new CellFailed(result);
  return result;
}

/**
 * Runs cells through the proxy with a concurrency limit per provider. Each cell's result lands
 * in `results` as it settles, so nothing already run is lost when a later cell fails or the
 * user cancels.
 */
export function useSweepRunner(initial: SweepResults) {
  const [results, setResults] = useState<SweepResults>(initial);
  const [progress, setProgress] = useState<PoolProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (cells: readonly GridCell[], limitPerProvider?: number) => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    const set = (key: string, value: SweepResults[string]) => setResults((r) => ({ ...r, [key]: value }));
    for (const c of cells) set(c.key, { ...failedResult(""), status: "pending", error: null });
    await runWithLimits(
      cells.map((cell) => ({ key: cell.key, providerId: cell.session.providerId, run: (signal) => runCell(cell, signal) })),
      {
        signal: ctrl.signal,
        limitPerProvider,
        onEvent: (event, p) => {
          if (controller.current === ctrl) setProgress(p);
          if (event.status === "running") setResults((r) => ({ ...r, [event.key]: { ...(r[event.key] ?? failedResult("")), status: "running", error: null } }));
          else if (event.status === "done") set(event.key, event.value);
          else if (event.status === "failed") set(event.key, event.error instanceof CellFailed ? event.error.result : failedResult(event.error instanceof Error ? event.error.message : String(event.error)));
          else set(event.key, { ...failedResult("Cancelled before it ran."), status: "cancelled" });
        },
      },
    );
    if (controller.current === ctrl) controller.current = null;
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback((next: SweepResults) => {
    controller.current?.abort();
    setProgress(null);
    setResults(next);
  }, []);

  return { results, progress, running: progress !== null && progress.remaining > 0, run, cancel, reset };
}
