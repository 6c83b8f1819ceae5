import { z } from "zod";
import { compareColumnSchema } from "../compare/column-schema";
import { sessionSchema } from "../session/schema";
import { assertionSchema } from "./assertion-schema";
import { cellResultSchema } from "../sweep/schema";
import { MAX_ASSERTIONS, MAX_CASES_TEXT, MAX_EVAL_REPEATS, MAX_EVAL_TARGETS, MAX_SHARED_CASES_TEXT } from "./limits";

/**
 * An evaluation: a prompt template (the session's system prompt and messages, with `{{vars}}`),
 * its cases (kept as the text the user pasted or loaded, parsed by ./cases), targets picked as in
 * compare, repeats, and assertions. This definition, never its results, is what a share link
 * carries; it is validated with zod whenever it comes from outside this tab.
 */
export { MAX_ASSERTIONS, MAX_CASES_TEXT, MAX_EVAL_REPEATS, MAX_EVAL_TARGETS } from "./limits";

/**
 * An evaluation's definition (template in `session`, cases up to a size, targets, assertions), never its
 * results, as a share link carries it. The stored definition below adds the version and room for a
 * whole cases file.
 */
export const sharedEvaluationSchema = z.object({
  session: sessionSchema,
  targets: z.array(compareColumnSchema).min(1).max(MAX_EVAL_TARGETS, `an evaluation has at most ${MAX_EVAL_TARGETS} targets`),
  repeats: z.number().int().min(1).max(MAX_EVAL_REPEATS),
  casesText: z.string().max(MAX_SHARED_CASES_TEXT),
  assertions: z.array(assertionSchema).max(MAX_ASSERTIONS),
});

export const evaluationSchema = z.object({
  version: z.literal(1),
  ...sharedEvaluationSchema.shape,
  // A link leaves long cases out; the page and its history keep the whole file.
  casesText: z.string().max(MAX_CASES_TEXT),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const checkResultSchema = z.object({ status: z.enum(["pass", "fail", "error"]), reason: z.string().max(2000) });

/** One run of one case on one target: the sweep's cell figures, prompt tokens, and each assertion's verdict. */
export const evalRunSchema = cellResultSchema.omit({ logprobs: true }).extend({
  promptTokens: z.number().nullable(),
  checks: z.array(checkResultSchema).max(MAX_ASSERTIONS),
});
export type EvalRun = z.infer<typeof evalRunSchema>;

/** Runs keyed by runKey(case, target, repeat). */
export type EvalResults = Readonly<Record<string, EvalRun>>;
export const evalResultsSchema = z.record(z.string().max(200), evalRunSchema);
