import { z } from "zod";
import { loadStoredValue } from "../storage/stored-value";
import { type StoredSweep, SWEEP_KEY } from "./persist";
import { cellResultSchema, sweepDefinitionSchema } from "./schema";

const storedSweepSchema = z.object({
  definition: sweepDefinitionSchema,
  results: z.record(z.string().max(40), cellResultSchema),
  runId: z.string().max(64).nullish(),
});

/** Reads the stored sweep; a broken one is reported, never thrown, and left in storage. */
export function loadSweep(storage: Pick<Storage, "getItem"> | null): { sweep: StoredSweep | null; notice: string | null } {
  const { value, notice } = loadStoredValue(storage, SWEEP_KEY, storedSweepSchema, "sweep");
  return { sweep: value, notice };
}
