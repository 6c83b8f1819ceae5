"use client";
import { keyStore } from "@/lib/keys/store";
import { prepareRequest } from "@/lib/request/prepare";
import { newRecord, runRequest } from "@/lib/run/run";
import { validateAgainstSchema } from "@/lib/checks/schema-check";
import { type CellResult, cellResultFromRun, failedResult, type GridCell, requestedSchema, type SweepResults } from "@/lib/sweep";
import { TaskFailed, usePoolRunner } from "./usePoolRunner";

/** One cell: the playground's exact request for the cell's session, through the proxy. */
async function runCell(cell: GridCell, signal: AbortSignal): Promise<CellResult> {
  const p = prepareRequest(cell.session, keyStore.get(cell.session.providerId).key);
  const record = await runRequest({ url: p.url, headers: p.headers, body: p.sendText, signal, onChange: () => {} }, newRecord());
  const schema = requestedSchema(cell.session);
  const text = record.choices[0]?.text ?? "";
  const schemaValid = schema === undefined || record.state !== "done" ? null : (await validateAgainstSchema(schema, text)).valid;
  const result = cellResultFromRun(record, schemaValid);
  if (result.status === "failed") throw new TaskFailed(result, result.error?.message);
  return result;
}

const pending = (): CellResult => ({ ...failedResult(""), status: "pending", error: null });

/** Runs sweep cells through the proxy with a concurrency limit per provider (see usePoolRunner). */
export function useSweepRunner(initial: SweepResults) {
  return usePoolRunner<GridCell, CellResult>(initial, {
    runTask: runCell,
    providerOf: (cell) => cell.session.providerId,
    pending,
    running: (previous) => ({ ...(previous ?? failedResult("")), status: "running", error: null }),
    failed: (e) => failedResult(e instanceof Error ? e.message : String(e)),
    cancelled: () => ({ ...failedResult("Cancelled before it ran."), status: "cancelled" }),
  });
}
