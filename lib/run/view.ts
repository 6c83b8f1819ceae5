import type { RunRecord, RunRequest, RunView } from "./schema";

/** What the UI shows of a record as it stands now (useRun takes one per animation frame). */
export function viewFromRecord(request: RunRequest & { startedAt: number }, r: RunRecord): RunView {
  return {
    ...request,
    ...r,
    choices: r.choices.filter(Boolean).map((c) => ({
      ...c,
      toolCalls: c.toolCalls.map((t) => ({ ...t, function: { ...t.function } })),
      // The assembler appends to its reasoning in place; each frame gets its own copy.
      reasoning: c.reasoning && { ...c.reasoning },
      logprobCount: c.logprobs.length,
    })),
    eventCount: r.events.length,
  };
}
