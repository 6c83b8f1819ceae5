import { isQuotaError, readStored, type StoreSchema, writeStored } from "./browser-storage";

/** How a value's notices end: what the page does instead of damaged data, and whether they name zod's first problem. */
export interface ValueWording {
  /** "starting afresh" (the default), "starting from the defaults", "it is left as it was". */
  instead?: string;
  /** Name the first problem found ("(axes: too small)"); on by default. */
  detail?: boolean;
}

/**
 * One value kept in localStorage (a page's last state). Nothing stored gives null; a browser that
 * refuses storage, text that is not JSON or data the schema rejects give null and a notice naming
 * `what`, and the stored text is left as it was. `found`: some text was stored (not a first visit).
 */
export function loadStoredValue<T>(
  storage: Pick<Storage, "getItem"> | null,
  key: string,
  schema: StoreSchema<T>,
  what: string,
  { instead = "starting afresh", detail = true }: ValueWording = {},
): { value: T | null; notice: string | null; found: boolean } {
  const read = readStored(storage, key, schema);
  switch (read.kind) {
    case "ok":
      return { value: read.value, notice: null, found: true };
    case "none":
      return { value: null, notice: null, found: false };
    case "refused":
      return { value: null, notice: `This browser does not allow reading the saved ${what}.`, found: false };
    case "not-json":
      return { value: null, notice: `The saved ${what} is not valid JSON; ${instead}.`, found: true };
    case "invalid":
      return { value: null, notice: `The saved ${what} could not be used${detail ? ` (${read.issue})` : ""}; ${instead}.`, found: true };
  }
}

/**
 * Writes one value; the sentence to show when storage refuses it, else null. `tooBig` replaces
 * the sentence when storage is full (the session says what the user can do about it).
 */
export function saveStoredValue(
  storage: Pick<Storage, "setItem"> | null,
  key: string,
  value: unknown,
  what: string,
  tooBig?: string,
): string | null {
  const error = writeStored(storage, key, value);
  if (error === null) return null;
  return tooBig !== undefined && isQuotaError(error) ? tooBig : `Could not save the ${what}: ${error.message}`;
}
