import { z } from "zod";
import { MAX_COLUMNS } from "../compare/limits";
import { sessionSchema } from "../session/schema";
import { MAX_AXES, sweepAxisSchema } from "../sweep/schema";
import { assertionSchema } from "../evaluate/assertion-schema";
import { MAX_ASSERTIONS, MAX_EVAL_REPEATS, MAX_EVAL_TARGETS, MAX_SHARED_CASES_TEXT } from "../evaluate/limits";

/**
 * What a share link or an exported file carries. A compare view (and a sweep) shares its messages through
 * `session` and gives each column its own provider, model, base URL and parameters. zod's objects
 * drop fields they do not name, so whatever else a caller passes in (a key) never reaches a link.
 */
export const compareColumnSchema = z.object({
  id: z.string().min(1).max(100),
  ...sessionSchema.pick({ providerId: true, model: true, baseUrl: true, params: true }).shape,
});
export type CompareColumn = z.infer<typeof compareColumnSchema>;

/**
 * An evaluation's definition (template in `session`, cases up to a size, targets, assertions), never its
 * results. lib/evaluate/schema stores the same definition, versioned and with room for a whole cases file.
 */
export const sharedEvaluationSchema = z.object({
  session: sessionSchema,
  targets: z.array(compareColumnSchema).min(1).max(MAX_EVAL_TARGETS, `an evaluation has at most ${MAX_EVAL_TARGETS} targets`),
  repeats: z.number().int().min(1).max(MAX_EVAL_REPEATS),
  casesText: z.string().max(MAX_SHARED_CASES_TEXT),
  assertions: z.array(assertionSchema).max(MAX_ASSERTIONS),
});

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

export { sessionForColumn } from "./columns";
