import { z } from "zod";
import { loadStoredList, saveStoredList, withEntry } from "../storage/stored-list";
import { redactDefinition } from "./export";
import { cellResultSchema, type SweepDefinition, type SweepResults, settledResults, sweepDefinitionSchema } from "./schema";

/** Past sweeps (definition and results), newest first, so a finished sweep can be reopened. */
export const SWEEP_HISTORY_KEY = "playground.sweep-history.v1";
/** Kept small: a 500-cell sweep with long answers is large, and localStorage holds a few MB. */
export const MAX_SWEEP_HISTORY = 8;

export const sweepHistoryEntrySchema = z.object({
  id: z.string().max(64),
  savedAt: z.string().max(40),
  definition: sweepDefinitionSchema,
  results: z.record(z.string().max(40), cellResultSchema),
});
export type SweepHistoryEntry = z.infer<typeof sweepHistoryEntrySchema>;

const historySchema = z.array(sweepHistoryEntrySchema).max(MAX_SWEEP_HISTORY);

/** The stored history; damaged data gives an empty list and a notice, and is left in storage. */
export function loadSweepHistory(storage: Pick<Storage, "getItem"> | null): { entries: SweepHistoryEntry[]; notice: string | null } {
  return loadStoredList(storage, SWEEP_HISTORY_KEY, historySchema, "sweep");
}

/**
 * The history with `entry` first (replacing an entry of the same id: a retried cell updates its
 * sweep rather than adding one), bounded to MAX_SWEEP_HISTORY. Key fields of the extra body are
 * left out, as in exports and links. Cells still pending or running are stored as cancelled:
 * nothing will finish them.
 */
export function withSweepEntry(
  entries: readonly SweepHistoryEntry[],
  entry: { id: string; savedAt: string; definition: SweepDefinition; results: SweepResults },
): SweepHistoryEntry[] {
  const results = settledResults(entry.results);
  return withEntry(entries, { ...entry, definition: redactDefinition(entry.definition).definition, results }, MAX_SWEEP_HISTORY);
}

/**
 * Writes the history. When storage is full the oldest entries are dropped until it fits; the
 * returned message says so (or that even one entry does not fit).
 */
export function saveSweepHistory(storage: Pick<Storage, "setItem"> | null, entries: readonly SweepHistoryEntry[]): string | null {
  return saveStoredList(storage, SWEEP_HISTORY_KEY, entries, "sweep", "sweeps");
}
