import { z } from "zod";
import type { ChoiceState, Usage } from "../stream/assemble";
import { sessionSchema } from "../session/schema";
import { STORED_RECORD_FIELDS, TIMING_FIELDS } from "./fields";

/**
 * One run, written once. The record `runRequest` fills, the view the UI shows and the entry kept
 * in history all derive from `runRecordSchema`; the conversions between them are in view.ts and
 * history.ts. Code that runs on the first paint imports only the types from here, so zod loads
 * with the stored history instead of with the page.
 */
export const rawEventSchema = z.object({
  /** Milliseconds since the request started. */
  t: z.number(),
  event: z.string().optional(),
  data: z.string(),
  /** False when the data was neither JSON nor `[DONE]`. */
  ok: z.boolean(),
});
export type RawEvent = z.infer<typeof rawEventSchema>;

export const runStateSchema = z.enum(["running", "done", "stopped", "error"]);
export type RunState = z.infer<typeof runStateSchema>;

export const runErrorSchema = z.object({
  kind: z.enum(["http", "network", "interrupted", "bad-line", "bad-body", "upstream"]),
  status: z.number().nullable(),
  message: z.string(),
  type: z.string().optional(),
  code: z.string().optional(),
});
export type RunError = z.infer<typeof runErrorSchema>;
export type RunErrorKind = RunError["kind"];

/** A number of milliseconds since the start, or null while it has not happened. */
const ms = () => z.number().nullable();

export const runRecordSchema = z.object({
  state: runStateSchema,
  status: z.number().nullable(),
  statusText: z.string(),
  responseHeaders: z.array(z.tuple([z.string(), z.string()])),
  upstreamUrl: z.string().nullable(),
  streamed: z.boolean(),
  /** Body text of a non-streamed response (or of an error response). */
  bodyText: z.string().nullable(),
  events: z.array(rawEventSchema),
  // Built by the assembler and never parsed: history keeps `final` and rebuilds them from it.
  choices: z.array(z.custom<ChoiceState>()),
  usage: z.custom<Usage>().nullable(),
  final: z.unknown(),
  error: runErrorSchema.nullable(),
  headersMs: ms(),
  firstTokenMs: ms(),
  /** First reasoning delta, and first delta of the answer itself (content, refusal or tool call). */
  firstReasoningMs: ms(),
  firstAnswerMs: ms(),
  totalMs: ms(),
  /** Text-carrying chunks seen (a token count when usage is missing). */
  deltaCount: z.number(),
  sawDone: z.boolean(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

/** What was sent, as shown: keys masked. */
export const runRequestSchema = z.object({
  id: z.string(),
  session: sessionSchema,
  url: z.string(),
  requestText: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
});
export type RunRequest = z.infer<typeof runRequestSchema>;

/** What the UI shows of one run: a copy of the record taken at most once per animation frame. */
export const runViewSchema = runRecordSchema.extend({
  ...runRequestSchema.shape,
  startedAt: z.number(),
  choices: z.array(z.custom<ChoiceState & { logprobCount: number }>()),
  eventCount: z.number(),
  /** Opened from history rather than run in this tab. */
  fromHistory: z.boolean().optional(),
});
export type RunView = z.infer<typeof runViewSchema>;

function mask<K extends string>(names: readonly K[]): { [P in K]: true } {
  return Object.fromEntries(names.map((n) => [n, true])) as { [P in K]: true };
}

/**
 * A run as localStorage holds it (`playground.history.v1`). Fields added since the first entries
 * were stored are optional, so what browsers hold still loads.
 */
export const historyEntrySchema = runRecordSchema.pick(mask(STORED_RECORD_FIELDS)).extend({
  ...runRequestSchema.shape,
  at: z.number(),
  /** Events past the stored ones (long streams are kept in part). */
  droppedEvents: z.number(),
  errorMessage: runErrorSchema.shape.message.nullable(),
  errorStatus: runErrorSchema.shape.status,
  /** Added with the run schema; entries stored before have none of these. */
  errorKind: runErrorSchema.shape.kind.optional(),
  errorType: runErrorSchema.shape.type,
  errorCode: runErrorSchema.shape.code,
  sawDone: runRecordSchema.shape.sawDone.optional(),
  preview: z.string(),
  timing: runRecordSchema
    .pick(mask(TIMING_FIELDS))
    // Added with reasoning; entries stored before have neither.
    .partial({ firstReasoningMs: true, firstAnswerMs: true }),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
