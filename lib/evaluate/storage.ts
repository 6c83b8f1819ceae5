import { z } from "zod";
import { loadStoredValue } from "../storage/stored-value";
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
  const { value, notice } = loadStoredValue(storage, EVALUATE_KEY, storedSchema, "evaluation");
  return { stored: value, notice };
}
