import { z } from "zod";
import { loadStoredValue } from "../storage/stored-value";
import { compareColumnSchema } from "./column-schema";
import { sessionSchema } from "../session/schema";
import { type CompareState, MAX_COLUMNS, MAX_REPEATS, MIN_COLUMNS } from "./state";
import { COMPARE_KEY } from "./storage";

export const compareStateSchema = z
  .object({
    version: z.literal(1),
    session: sessionSchema,
    columns: z.array(compareColumnSchema).min(MIN_COLUMNS).max(MAX_COLUMNS),
    baselineId: z.string(),
    repeats: z.number().int().min(1).max(MAX_REPEATS),
  })
  .refine((s) => s.columns.some((c) => c.id === s.baselineId), { message: "the baseline is not one of the targets", path: ["baselineId"] });

/** Reads the stored compare view; a broken one is reported, never thrown, and left in storage. */
export function loadCompare(storage: Pick<Storage, "getItem"> | null): { state: CompareState | null; notice: string | null } {
  const { value, notice } = loadStoredValue(storage, COMPARE_KEY, compareStateSchema, "compare view");
  return { state: value, notice };
}
