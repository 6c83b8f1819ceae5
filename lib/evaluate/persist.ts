import { saveStoredValue } from "../storage/stored-value";
import type { EvalResults, Evaluation } from "./schema";

/** The evaluate page's state in localStorage (read back with ./storage's loadEvaluation, which uses zod). */
export const EVALUATE_KEY = "playground.evaluate.v1";

export interface StoredEvaluation {
  definition: Evaluation;
  /** The definition the results were run with (cases and targets may have been edited since). */
  ran: Evaluation | null;
  results: EvalResults;
  runId: string | null;
}

/** Saves the page; a run still in flight is saved as pending, since a reload cannot finish it. */
export function saveEvaluation(storage: Pick<Storage, "setItem"> | null, stored: StoredEvaluation): string | null {
  const results = Object.fromEntries(
    Object.entries(stored.results).map(([k, r]) => [k, r.status === "running" ? { ...r, status: "pending" as const } : r]),
  );
  return saveStoredValue(storage, EVALUATE_KEY, { ...stored, results }, "evaluation");
}
