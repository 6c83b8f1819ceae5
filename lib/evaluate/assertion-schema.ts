import { z } from "zod";

/**
 * The checks an evaluation runs on every answer. Schemas are kept as the text the user typed
 * (so a half-typed schema is not lost) and parsed when checked; validateEvaluation reports one
 * that does not parse or compile before anything is sent.
 */
const base = { id: z.string().min(1).max(100), name: z.string().max(200) };
const text = z.string().max(100_000);

export const assertionSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("contains"), value: text, ignoreCase: z.boolean() }),
  z.object({ ...base, kind: z.literal("not-contains"), value: text, ignoreCase: z.boolean() }),
  z.object({ ...base, kind: z.literal("equals-expected"), trim: z.boolean() }),
  z.object({ ...base, kind: z.literal("regex"), pattern: text, flags: z.string().max(10) }),
  z.object({ ...base, kind: z.literal("json-valid") }),
  z.object({ ...base, kind: z.literal("json-schema"), schema: text }),
  /** A tool call to `functionName` whose arguments satisfy `schema` ("" = any JSON arguments). */
  z.object({ ...base, kind: z.literal("tool-call"), functionName: z.string().max(200), schema: text }),
  z.object({ ...base, kind: z.literal("finish-reason"), value: z.string().max(100) }),
  z.object({ ...base, kind: z.literal("length"), min: z.number().int().min(0).nullable(), max: z.number().int().min(0).nullable() }),
  z.object({ ...base, kind: z.literal("latency"), measure: z.enum(["ttft", "total"]), maxMs: z.number().min(0) }),
  z.object({ ...base, kind: z.literal("tokens"), maxTokens: z.number().int().min(0) }),
  z.object({ ...base, kind: z.literal("expression"), code: z.string().max(20_000) }),
]);
export type Assertion = z.infer<typeof assertionSchema>;
export type AssertionKind = Assertion["kind"];
