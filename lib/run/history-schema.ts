import { z } from "zod";
import { HISTORY_KEY } from "./history-key";
import { type HistoryEntry, historyEntrySchema } from "./schema";
import { loadStoredList } from "../storage/stored-list";

/*
 * Validation of stored history (zod). Loaded with a dynamic import before the playground first
 * renders, so zod stays out of the page's first-load JavaScript. The entry's shape is in schema.ts.
 */

/** The stored runs; one bad entry is dropped and the good ones stay (the notice counts them). */
export function readHistory(storage: Pick<Storage, "getItem"> | null): { entries: HistoryEntry[]; notice: string | null } {
  const { entries, notice } = loadStoredList(storage, HISTORY_KEY, z.array(z.unknown()), "run");
  const good = entries.flatMap((e) => {
    const ok = historyEntrySchema.safeParse(e);
    return ok.success ? [ok.data] : [];
  });
  const dropped = entries.length - good.length;
  return {
    entries: good,
    notice:
      notice ?? (dropped > 0 ? `${dropped} of the ${entries.length} runs in the history could not be used; the others are shown.` : null),
  };
}

export function loadHistory(storage: Pick<Storage, "getItem"> | null): HistoryEntry[] {
  return readHistory(storage).entries;
}
