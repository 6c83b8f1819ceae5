/**
 * The record's fields a history entry keeps as they are (choices and usage are rebuilt from
 * `final`), those it keeps under `timing`, and what was sent. schema.ts picks the stored form's
 * fields with these and history.ts copies exactly these; no zod here, so copying loads none.
 */
export const STORED_RECORD_FIELDS = [
  "state",
  "status",
  "statusText",
  "responseHeaders",
  "upstreamUrl",
  "streamed",
  "bodyText",
  "events",
  "final",
] as const;
export const TIMING_FIELDS = ["headersMs", "firstTokenMs", "firstReasoningMs", "firstAnswerMs", "totalMs", "deltaCount"] as const;
export const RUN_REQUEST_FIELDS = ["id", "session", "url", "requestText", "requestHeaders"] as const;
