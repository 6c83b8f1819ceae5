import { pendingResult } from "../sweep/schema";
import type { EvalRun } from "./schema";

/** The key of one run: case index, target id, repeat index (target ids hold no colon). */
export function runKey(caseIndex: number, targetId: string, repeat: number): string {
  return `${caseIndex}:${targetId}:${repeat}`;
}

/** A sweep cell's empty figures (the run's shape is the cell's, see evalRunSchema), with no checks yet. */
export function pendingRun(): EvalRun {
  return { ...pendingResult(), promptTokens: null, checks: [] };
}
