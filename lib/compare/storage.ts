import { saveStoredValue } from "../storage/stored-value";
import type { CompareState } from "./state";

/** Where the compare view lives in localStorage; read back with ./schema's loadCompare (zod). */
export const COMPARE_KEY = "playground.compare.v1";

/** Writes the compare view; returns an error sentence when storage refuses (quota, private mode). */
export function saveCompare(storage: Pick<Storage, "setItem"> | null, state: CompareState): string | null {
  return saveStoredValue(storage, COMPARE_KEY, state, "compare view");
}
