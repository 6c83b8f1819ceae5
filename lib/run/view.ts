import { choicesFromBody, usageFromBody } from "../stream/assemble";
import type { HistoryEntry, RunRecord, RunRequest, RunView } from "./schema";

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

/** Rebuilds what the raw and answer views show from a stored run; choices and usage come from `final`. */
export function viewFromEntry(e: HistoryEntry): RunView {
  const { timing } = e;
  return {
    id: e.id,
    startedAt: e.at,
    session: e.session,
    url: e.url,
    requestText: e.requestText,
    requestHeaders: e.requestHeaders,
    state: e.state === "running" ? "stopped" : e.state,
    status: e.status,
    statusText: e.statusText,
    responseHeaders: e.responseHeaders,
    upstreamUrl: e.upstreamUrl,
    streamed: e.streamed,
    bodyText: e.bodyText,
    events: e.events,
    eventCount: e.events.length,
    choices: choicesFromBody(e.final).map((c) => ({ ...c, logprobCount: c.logprobs.length })),
    usage: usageFromBody(e.final),
    final: e.final,
    // Entries stored before the kind was kept were told apart by their message only.
    error: e.errorMessage === null ? null : { kind: e.errorKind ?? "http", status: e.errorStatus, message: e.errorMessage, type: e.errorType, code: e.errorCode },
    headersMs: timing.headersMs,
    firstTokenMs: timing.firstTokenMs,
    firstReasoningMs: timing.firstReasoningMs ?? null,
    firstAnswerMs: timing.firstAnswerMs ?? null,
    totalMs: timing.totalMs,
    deltaCount: timing.deltaCount,
    sawDone: e.sawDone ?? true,
    fromHistory: true,
  };
}
