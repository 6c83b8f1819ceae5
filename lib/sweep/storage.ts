import { z } from "zod";
import { type StoredSweep, SWEEP_KEY } from "./persist";
import { cellResultSchema, sweepDefinitionSchema } from "./schema";

const storedSweepSchema = z.object({
  definition: sweepDefinitionSchema,
  results: z.record(z.string().max(40), cellResultSchema),
  runId: z.string().max(64).nullish(),
});

/** Reads the stored sweep; a broken one is reported, never thrown, and left in storage. */
export function loadSweep(storage: Pick<Storage, "getItem"> | null): { sweep: StoredSweep | null; notice: string | null } {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(SWEEP_KEY) ?? null;
  } catch {
    return { sweep: null, notice: "This browser does not allow reading the saved sweep." };
  }
  if (raw === null) return { sweep: null, notice: null };
  try {
    const parsed = storedSweepSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { sweep: parsed.data, notice: null };
    const issue = parsed.error.issues[0];
    return { sweep: null, notice: `The saved sweep could not be used (${issue?.path.join(".") || "root"}: ${issue?.message}); starting afresh.` };
  } catch {
    return { sweep: null, notice: "The saved sweep is not valid JSON; starting afresh." };
  }
}
