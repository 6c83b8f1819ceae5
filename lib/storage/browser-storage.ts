/**
 * The one way this app reads and writes the browser's localStorage. Every store (session,
 * histories, compare, sweep, evaluate, prices, keys, view preferences, draft, theme) goes through
 * it, so a browser that refuses storage, a full quota and damaged or old data are handled in one
 * place: nothing here throws. No zod at run time (only its types): pages save before zod loads.
 */

/** localStorage, or a stand-in for it (tests, the refusing browser below). */
export type StorageLike = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** What a browser that refuses storage throws on every read and write. */
export class StorageRefused extends Error {
  override readonly name = "StorageRefused";
  constructor() {
    super("this browser does not allow storage");
  }
}

/**
 * Reading `window.localStorage` throws in some private modes and sandboxed frames (and gives
 * null where storage is turned off); the stores then see this, so each can say so in its notice.
 */
const refusedStorage: StorageLike = {
  getItem: () => {
    throw new StorageRefused();
  },
  setItem: () => {
    throw new StorageRefused();
  },
  removeItem: () => {
    throw new StorageRefused();
  },
};

/** localStorage; a storage whose every call throws StorageRefused where the browser refuses it; null on the server. */
export function browserStorage(): StorageLike | null {
  if (typeof window === "undefined") return null;
  try {
    return window.localStorage ?? refusedStorage;
  } catch {
    return refusedStorage;
  }
}

/**
 * What a store validates its data with: a zod schema, or (where zod would weigh on a page's first
 * load) a hand-written parser of the same shape.
 */
export interface StoreSchema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** What was found under a key. `invalid` names the first problem the schema found ("axes: too small"). */
export type StoredRead<T> =
  | { kind: "none" }
  | { kind: "refused" }
  | { kind: "not-json" }
  | { kind: "invalid"; issue: string }
  | { kind: "ok"; value: T };

/** Reads and validates the JSON under `key`; the stored text is never changed, whatever it holds. */
export function readStored<T>(storage: Pick<Storage, "getItem"> | null, key: string, schema: StoreSchema<T>): StoredRead<T> {
  let raw: string | null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return { kind: "refused" };
  }
  if (raw === null) return { kind: "none" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: "not-json" };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { kind: "ok", value: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: "invalid", issue: `${issue?.path.join(".") || "root"}: ${issue?.message}` };
}

/** Writes `value` as JSON under `key`; the error when storage refuses it or is full, else null. */
export function writeStored(storage: Pick<Storage, "setItem"> | null, key: string, value: unknown): Error | null {
  return writeText(storage, key, JSON.stringify(value));
}

/** A browser's "storage is full" error (its name and code differ between browsers). */
export function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException ? e.name === "QuotaExceededError" || e.code === 22 : /quota/i.test(String((e as Error)?.message ?? e));
}

/**
 * Writes the longest head of `entries` (a list kept newest first) that storage accepts: all of
 * them when they fit, else the oldest are dropped until the rest fits. Returns how many were
 * written (0: not even one fits, or storage refuses) and the last error. A binary search, so a
 * 50-run history that is much too big costs a few tries, not fifty.
 */
export function writeNewest(
  storage: Pick<Storage, "setItem"> | null,
  key: string,
  entries: readonly unknown[],
): { kept: number; error: Error | null } {
  let error = writeStored(storage, key, entries);
  if (error === null || error instanceof StorageRefused) return { kept: error ? 0 : entries.length, error };
  // entries.length does not fit; find the largest n below it that does
  let fits = 0;
  let tooBig = entries.length;
  while (tooBig - fits > 1) {
    const n = Math.ceil((fits + tooBig) / 2);
    const e = writeStored(storage, key, entries.slice(0, n));
    if (e === null) fits = n;
    else [tooBig, error] = [n, e];
  }
  // a refused write leaves what was stored, so storage now holds the last (largest) head that fitted
  return { kept: fits, error };
}

/** Reads text stored as is (not JSON: keys, the draft, the theme); null when nothing is stored or storage refuses. */
export function readText(storage: Pick<Storage, "getItem"> | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes text as is; the error when storage refuses or is full, else null. */
export function writeText(storage: Pick<Storage, "setItem"> | null, key: string, text: string): Error | null {
  return attempt(() => storage?.setItem(key, text));
}

/** Removes the key; the error when storage refuses, else null. */
export function removeStored(storage: Pick<Storage, "removeItem"> | null, key: string): Error | null {
  return attempt(() => storage?.removeItem(key));
}

function attempt(write: () => void): Error | null {
  try {
    write();
    return null;
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
