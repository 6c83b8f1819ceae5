import { readStored, StorageRefused, type StoreSchema, writeNewest } from "./browser-storage";

/**
 * A bounded list kept in localStorage (a page's history of runs), newest first. Damaged data
 * gives an empty list and a notice and is left in storage; when storage is full the oldest
 * entries are dropped until the list fits, and the message says so.
 */
export function loadStoredList<T>(
  storage: Pick<Storage, "getItem"> | null,
  key: string,
  schema: StoreSchema<T[]>,
  what: string,
): { entries: T[]; notice: string | null } {
  const read = readStored(storage, key, schema);
  switch (read.kind) {
    case "ok":
      return { entries: read.value, notice: null };
    case "none":
      return { entries: [], notice: null };
    case "refused":
      return { entries: [], notice: `This browser does not allow reading the ${what} history.` };
    case "not-json":
      return { entries: [], notice: `The ${what} history is not valid JSON; it is left as it was.` };
    case "invalid":
      return { entries: [], notice: `The ${what} history could not be used; it is left as it was.` };
  }
}

/** `plural` names the entries in the message ("sweeps"). */
export function saveStoredList<T>(
  storage: Pick<Storage, "setItem"> | null,
  key: string,
  entries: readonly T[],
  what: string,
  plural: string,
): string | null {
  return listNotice(writeNewest(storage, key, entries), entries.length, what, plural);
}

/** What to tell the user after writeNewest kept `kept` of `total` entries (null: all of them). */
export function listNotice(
  { kept, error }: { kept: number; error: Error | null },
  total: number,
  what: string,
  plural: string,
): string | null {
  if (error === null || total === 0) return null;
  if (error instanceof StorageRefused) return `This browser does not allow storage: this ${what} is not kept in history.`;
  if (kept === 0) return `Storage is full: this ${what} could not be kept in history.`;
  return `Storage is full: kept the ${kept} newest ${plural} in history.`;
}

/** The list with `entry` first, replacing one of the same id (a retry updates its run), at most `max` long. */
export function withEntry<T extends { id: string }>(entries: readonly T[], entry: T, max: number): T[] {
  return [entry, ...entries.filter((e) => e.id !== entry.id)].slice(0, max);
}
