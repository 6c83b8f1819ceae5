import type { z } from "zod";

/**
 * A bounded list kept in localStorage (a page's history of runs), newest first. Damaged data
 * gives an empty list and a notice and is left in storage; when storage is full the oldest
 * entries are dropped until the list fits, and the message says so.
 */
export function loadStoredList<T>(storage: Pick<Storage, "getItem"> | null, key: string, schema: z.ZodType<T[]>, what: string): { entries: T[]; notice: string | null } {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return { entries: [], notice: `This browser does not allow reading the ${what} history.` };
  }
  if (raw === null) return { entries: [], notice: null };
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return { entries: parsed.data, notice: null };
    return { entries: [], notice: `The ${what} history could not be used; it is left as it was.` };
  } catch {
    return { entries: [], notice: `The ${what} history is not valid JSON; it is left as it was.` };
  }
}

/** `plural` names the entries in the message ("sweeps"). */
export function saveStoredList<T>(storage: Pick<Storage, "setItem"> | null, key: string, entries: readonly T[], what: string, plural: string): string | null {
  for (let n = entries.length; n > 0; n--) {
    try {
      storage?.setItem(key, JSON.stringify(entries.slice(0, n)));
      return n === entries.length ? null : `Storage is full: kept the ${n} newest ${plural} in history.`;
    } catch {
      // too large for what is left of localStorage: try with fewer entries
    }
  }
  return entries.length === 0 ? null : `Storage is full: this ${what} could not be kept in history.`;
}

/** The list with `entry` first, replacing one of the same id (a retry updates its run), at most `max` long. */
export function withEntry<T extends { id: string }>(entries: readonly T[], entry: T, max: number): T[] {
  return [entry, ...entries.filter((e) => e.id !== entry.id)].slice(0, max);
}
