import { z } from "zod";
import { compareColumnSchema } from "../share/schema";
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
  let raw: string | null = null;
  try {
    raw = storage?.getItem(COMPARE_KEY) ?? null;
  } catch {
    return { state: null, notice: "This browser does not allow reading the saved compare view." };
  }
  if (raw === null) return { state: null, notice: null };
  try {
    const parsed = compareStateSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { state: parsed.data, notice: null };
    const issue = parsed.error.issues[0];
    return { state: null, notice: `The saved compare view could not be used (${issue?.path.join(".") || "root"}: ${issue?.message}); starting afresh.` };
  } catch {
    return { state: null, notice: "The saved compare view is not valid JSON; starting afresh." };
  }
}
