import { z } from "zod";
import { compareColumnSchema } from "../compare/column-schema";
import { MAX_COLUMNS } from "../compare/limits";
import { sessionSchema } from "../session/schema";
import { MAX_AXES, sweepAxisSchema } from "../sweep/schema";
import { sharedEvaluationSchema } from "../evaluate/schema";

export { type CompareColumn, compareColumnSchema } from "../compare/column-schema";

/**
 * What a share link or an exported file carries. A compare view (and a sweep) shares its messages through
 * `session` and gives each column its own provider, model, base URL and parameters. zod's objects
 * drop fields they do not name, so whatever else a caller passes in (a key) never reaches a link.
 */

export const sharePayloadSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("session"), session: sessionSchema }),
  z.object({
    kind: z.literal("compare"),
    session: sessionSchema,
    columns: z.array(compareColumnSchema).min(1).max(MAX_COLUMNS, `a compare view has at most ${MAX_COLUMNS} targets`),
  }),
  /** A sweep's grid (its base request and axes), never its results. */
  z.object({ kind: z.literal("sweep"), session: sessionSchema, axes: z.array(sweepAxisSchema).min(1).max(MAX_AXES) }),
  z.object({ kind: z.literal("evaluate"), ...sharedEvaluationSchema.shape }),
]);
export type SharePayload = z.infer<typeof sharePayloadSchema>;

export { sessionForColumn } from "../compare/columns";
