import { vi } from "vitest";
import type { StorageLike } from "../../lib/storage/browser-storage";

/**
 * A localStorage stand-in for tests: `limit` caps the characters of all values together, past
 * which setItem throws the browser's QuotaExceededError (and keeps what was there).
 */
export function memoryStorage(limit = Number.POSITIVE_INFINITY): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const used = (except: string) => [...data].reduce((n, [k, v]) => (k === except ? n : n + v.length), 0);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (used(k) + v.length > limit) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

/** A browser whose `window.localStorage` getter throws, as in some private modes and sandboxed frames. */
export function refusingWindow() {
  vi.stubGlobal(
    "window",
    Object.defineProperty({}, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    }),
  );
}
