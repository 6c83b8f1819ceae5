import type { EvalRun } from "./schema";

/** The key of one run: case index, target id, repeat index (target ids hold no colon). */
export function runKey(caseIndex: number, targetId: string, repeat: number): string {
  return `${caseIndex}:${targetId}:${repeat}`;
}

export function pendingRun(): EvalRun {
  return {
    status: "pending",
    text: "",
    finishReason: null,
    ttftMs: null,
    totalMs: null,
    completionTokens: null,
    promptTokens: null,
    schemaValid: null,
    error: null,
    checks: [],
  };
}
