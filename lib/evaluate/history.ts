import { z } from "zod";
import { loadStoredList, saveStoredList, withEntry } from "../storage/stored-list";
import { settledResults } from "../sweep/schema";
import { redactEvaluation } from "./export";
import { type EvalResults, evalResultsSchema, type Evaluation, evaluationSchema } from "./schema";

/** The last evaluation runs (definition and results), newest first, reopened from the page. */
export const EVAL_HISTORY_KEY = "playground.evaluate-history.v1";
export const MAX_EVAL_HISTORY = 8;

export const evalHistoryEntrySchema = z.object({
  id: z.string().max(64),
  savedAt: z.string().max(40),
  definition: evaluationSchema,
  results: evalResultsSchema,
});
export type EvalHistoryEntry = z.infer<typeof evalHistoryEntrySchema>;
const historySchema = z.array(evalHistoryEntrySchema).max(MAX_EVAL_HISTORY);

export function loadEvalHistory(storage: Pick<Storage, "getItem"> | null) {
  return loadStoredList(storage, EVAL_HISTORY_KEY, historySchema, "evaluation");
}

export function saveEvalHistory(storage: Pick<Storage, "setItem"> | null, entries: readonly EvalHistoryEntry[]): string | null {
  return saveStoredList(storage, EVAL_HISTORY_KEY, entries, "evaluation", "evaluations");
}

/** The history with this run first (a retry updates its entry); keys left out, runs still open stored as cancelled. */
export function withEvalEntry(
  entries: readonly EvalHistoryEntry[],
  entry: { id: string; savedAt: string; definition: Evaluation; results: EvalResults },
): EvalHistoryEntry[] {
  const results = settledResults(entry.results);
  return withEntry(entries, { ...entry, definition: redactEvaluation(entry.definition).definition, results }, MAX_EVAL_HISTORY);
}
