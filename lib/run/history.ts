import { StorageRefused, writeNewest } from "../storage/browser-storage";
import { choicesFromBody, usageFromBody } from "../stream/assemble";
import { HISTORY_KEY } from "./history-key";
import { RUN_REQUEST_FIELDS, STORED_RECORD_FIELDS, TIMING_FIELDS } from "./fields";
import type { HistoryEntry, RunRecord, RunRequest, RunView } from "./schema";

/**
 * Past runs with their raw request and response, newest first, kept in localStorage. Keys are
 * never stored: the request headers kept here are the masked ones shown in the raw view.
 * Loading (with zod validation) is in history-schema.ts. The page loads this module on a run's
 * first save or reopen, so it stays out of the first load.
 */
export { HISTORY_KEY } from "./history-key";
export type { HistoryEntry };
export const HISTORY_LIMIT = 50;
/** Long streams are kept in part so one run cannot fill the browser's storage. */
export const MAX_STORED_EVENTS = 2_000;
const MAX_BODY_CHARS = 200_000;

/** The stored form of a run: choices and usage are left out, since `final` rebuilds them. */
export function makeEntry(input: RunRequest & { at: number; record: RunRecord }): HistoryEntry {
  const r = input.record;
  const first = r.choices.find(Boolean);
  return {
    ...pick(input, RUN_REQUEST_FIELDS),
    at: input.at,
    ...pick(r, STORED_RECORD_FIELDS),
    bodyText: r.bodyText === null ? null : r.bodyText.slice(0, MAX_BODY_CHARS),
    events: r.events.slice(0, MAX_STORED_EVENTS),
    droppedEvents: Math.max(0, r.events.length - MAX_STORED_EVENTS),
    final: r.final ?? null,
    errorMessage: r.error?.message ?? null,
    errorStatus: r.error?.status ?? null,
    errorKind: r.error?.kind,
    errorType: r.error?.type,
    errorCode: r.error?.code,
    sawDone: r.sawDone,
    preview: (first?.text || r.error?.message || "").slice(0, 120),
    timing: pick(r, TIMING_FIELDS),
  };
}

/**
 * Saves newest first, capped; drops the oldest entries while storage reports it is full, and
 * returns the runs kept (at least the newest, so the run on screen stays listed). Where the
 * browser refuses storage the tab keeps them all.
 */
export function saveHistory(storage: Pick<Storage, "setItem"> | null, entries: HistoryEntry[]): HistoryEntry[] {
  const list = entries.slice(0, HISTORY_LIMIT);
  const { kept, error } = writeNewest(storage, HISTORY_KEY, list);
  return error === null || error instanceof StorageRefused ? list : list.slice(0, Math.max(1, kept));
}

/** Saves `entries` with this finished run first (replacing it if listed), as saveHistory keeps them. */
export function rememberRun(storage: Pick<Storage, "setItem"> | null, entries: readonly HistoryEntry[], view: RunView): HistoryEntry[] {
  const entry = makeEntry({ ...view, at: view.startedAt, record: view });
  return saveHistory(storage, [entry, ...entries.filter((e) => e.id !== entry.id)]);
}

/** Rebuilds what the raw and answer views show from a stored run; choices and usage come from `final`. */
export function viewFromEntry(e: HistoryEntry): RunView {
  return {
    ...pick(e, RUN_REQUEST_FIELDS),
    startedAt: e.at,
    ...pick(e, STORED_RECORD_FIELDS),
    state: e.state === "running" ? "stopped" : e.state,
    eventCount: e.events.length,
    choices: choicesFromBody(e.final).map((c) => ({ ...c, logprobCount: c.logprobs.length })),
    usage: usageFromBody(e.final),
    // Entries stored before the kind was kept were told apart by their message only.
    error:
      e.errorMessage === null
        ? null
        : { kind: e.errorKind ?? "http", status: e.errorStatus, message: e.errorMessage, type: e.errorType, code: e.errorCode },
    ...e.timing,
    firstReasoningMs: e.timing.firstReasoningMs ?? null,
    firstAnswerMs: e.timing.firstAnswerMs ?? null,
    sawDone: e.sawDone ?? true,
    fromHistory: true,
  };
}

/** Just the named fields of `from` (a run carries more than each stored form keeps). */
function pick<T, K extends keyof T>(from: T, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((n) => [n, from[n]])) as Pick<T, K>;
}
