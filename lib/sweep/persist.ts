import { saveStoredValue } from "../storage/stored-value";
import type { SweepDefinition, SweepResults } from "./schema";

/** The sweep page's state in localStorage (read back with ./storage's loadSweep, which uses zod). */
export const SWEEP_KEY = "playground.sweep.v1";

export interface StoredSweep {
  definition: SweepDefinition;
  results: SweepResults;
  /** The run's id in the sweep history, so that a retry after a reload updates the same entry. */
  runId?: string | null;
}

/** Saves the sweep; a cell still running is saved as pending, since a reload cannot finish it. */
export function saveSweep(storage: Pick<Storage, "setItem"> | null, sweep: StoredSweep): string | null {
  const results = Object.fromEntries(
    Object.entries(sweep.results).map(([k, r]) => [k, r.status === "running" ? { ...r, status: "pending" as const } : r]),
  );
  return saveStoredValue(storage, SWEEP_KEY, { definition: sweep.definition, results, runId: sweep.runId ?? null }, "sweep");
}
