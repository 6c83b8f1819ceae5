import { z } from "zod";
import { sessionSchema } from "../session/schema";
import { HISTORY_KEY } from "./history-key";
import { loadStoredList } from "../storage/stored-list";

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

/** The stored runs; one bad entry is dropped and the good ones stay (the notice counts them). */
export function readHistory(storage: Pick<Storage, "getItem"> | null): { entries: HistoryEntry[]; notice: string | null } {
  const { entries, notice } = loadStoredList(storage, HISTORY_KEY, z.array(z.unknown()), "run");
  const good = entries.flatMap((e) => {
    const ok = historyEntrySchema.safeParse(e);
    return ok.success ? [ok.data] : [];
  });
  const dropped = entries.length - good.length;
  return { entries: good, notice: notice ?? (dropped > 0 ? `${dropped} of the ${entries.length} runs in the history could not be used; the others are shown.` : null) };
}

export function loadHistory(storage: Pick<Storage, "getItem"> | null): HistoryEntry[] {
  return readHistory(storage).entries;
}
