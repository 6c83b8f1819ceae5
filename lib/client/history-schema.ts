import { z } from "zod";
import { sessionSchema } from "../session/schema";
import { HISTORY_KEY } from "./history-key";
import type { StorageLike } from "./keys";

/**
 * Validation of stored history (zod). Loaded with a dynamic import before the playground first
 * renders, so zod stays out of the page's first-load JavaScript.
 */
const rawEventSchema = z.object({ t: z.number(), event: z.string().optional(), data: z.string(), ok: z.boolean() });

export const historyEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  session: sessionSchema,
  url: z.string(),
  requestText: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  state: z.enum(["running", "done", "stopped", "error"]),
  status: z.number().nullable(),
  statusText: z.string(),
  responseHeaders: z.array(z.tuple([z.string(), z.string()])),
  upstreamUrl: z.string().nullable(),
  streamed: z.boolean(),
  bodyText: z.string().nullable(),
  events: z.array(rawEventSchema),
  droppedEvents: z.number(),
  final: z.unknown(),
  errorMessage: z.string().nullable(),
  errorStatus: z.number().nullable(),
  preview: z.string(),
  timing: z.object({
    headersMs: z.number().nullable(),
    firstTokenMs: z.number().nullable(),
    /** Added with reasoning; entries stored before have neither. */
    firstReasoningMs: z.number().nullable().optional(),
    firstAnswerMs: z.number().nullable().optional(),
    totalMs: z.number().nullable(),
    deltaCount: z.number(),
  }),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export function loadHistory(storage: StorageLike | null): HistoryEntry[] {
  try {
    const raw = storage?.getItem(HISTORY_KEY);
    if (!raw) return [];
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(raw));
    if (!parsed.success) return [];
    // One bad entry is dropped; the good ones stay.
    return parsed.data.flatMap((e) => {
      const ok = historyEntrySchema.safeParse(e);
      return ok.success ? [ok.data] : [];
    });
  } catch {
    return [];
  }
}
