import { z } from "zod";
import { sessionSchema } from "../session/schema";

/** One compare column (a target): its own provider, model, base URL and parameters over the shared messages. */
export const compareColumnSchema = z.object({
  id: z.string().min(1).max(100),
  ...sessionSchema.pick({ providerId: true, model: true, baseUrl: true, params: true }).shape,
});
export type CompareColumn = z.infer<typeof compareColumnSchema>;
