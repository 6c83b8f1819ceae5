import { z } from "zod";
import { EVALUATE_KEY, type StoredEvaluation } from "./persist";
import { evalResultsSchema, evaluationSchema } from "./schema";

const storedSchema = z.object({
  definition: evaluationSchema,
  ran: evaluationSchema.nullable(),
  results: evalResultsSchema,
  runId: z.string().max(64).nullable(),
});

/** Reads the stored evaluation; a broken one is reported, never thrown, and left in storage. */
export function loadEvaluation(storage: Pick<Storage, "getItem"> | null): { stored: StoredEvaluation | null; notice: string | null } {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(EVALUATE_KEY) ?? null;
  } catch {
    return { stored: null, notice: "This browser does not allow reading the saved evaluation." };
  }
  if (raw === null) return { stored: null, notice: null };
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { stored: parsed.data, notice: null };
    const issue = parsed.error.issues[0];
    return { stored: null, notice: `The saved evaluation could not be used (${issue?.path.join(".") || "root"}: ${issue?.message}); starting afresh.` };
  } catch {
    return { stored: null, notice: "The saved evaluation is not valid JSON; starting afresh." };
  }
}
