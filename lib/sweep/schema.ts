import { z } from "zod";
import { PARAM_NAMES } from "../params/catalog";
import { RANGES } from "../providers/ranges";
import { sessionSchema } from "../session/schema";

/**
 * A parameter sweep: the current session plus up to three axes, each varying one parameter or
 * the provider/model. The definition (not its results) is what a share link and history carry,
 * so it is validated with zod whenever it comes from outside this tab.
 */

/** More cells than this are refused (a typo like "1..1000" must not send a thousand requests). */
export const MAX_CELLS = 500;
export const MAX_AXES = 3;
/** Above this many requests the page asks before sending. */
export const CONFIRM_THRESHOLD = 50;
/** Targets on one provider/model axis; more would be a compare of its own. */
export const MAX_TARGETS = 50;

/** As in Session (its limits too); baseUrl "" = the provider's default. */
export const sweepTargetSchema = sessionSchema.pick({ providerId: true, model: true, baseUrl: true });
export type SweepTarget = z.infer<typeof sweepTargetSchema>;

export const paramAxisSchema = z.object({
  kind: z.literal("param"),
  param: z.enum(PARAM_NAMES),
  // Empty is allowed here so that validateSweep can say "Axis 'x' has no values" in words; an
  // axis longer than the cell limit can never run, so the schema bounds what a link may carry.
  values: z.array(z.unknown()).max(MAX_CELLS),
});
export type ParamAxis = z.infer<typeof paramAxisSchema>;

export const targetAxisSchema = z.object({
  kind: z.literal("target"),
  targets: z.array(sweepTargetSchema).max(MAX_TARGETS),
});
export type TargetAxis = z.infer<typeof targetAxisSchema>;

export const sweepAxisSchema = z.discriminatedUnion("kind", [paramAxisSchema, targetAxisSchema]);
export type SweepAxis = z.infer<typeof sweepAxisSchema>;

export const sweepDefinitionSchema = z.object({
  version: z.literal(1),
  session: sessionSchema,
  axes: z.array(sweepAxisSchema).min(1).max(MAX_AXES),
});
export type SweepDefinition = z.infer<typeof sweepDefinitionSchema>;

export const CELL_STATUSES = ["pending", "running", "done", "failed", "cancelled"] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export const cellErrorSchema = z.object({
  /** HTTP status; null when no response came (network error, timeout, cancelled). */
  status: z.number().int().nullable(),
  message: z.string(),
});
export type CellError = z.infer<typeof cellErrorSchema>;

/** Tokens kept per cell for shading and overlays; a longer answer keeps its first ones. */
export const MAX_CELL_TOKENS = 4096;

const alternativeSchema = z.object({ token: z.string(), logprob: z.number() });
/** At most as many alternatives as a request may ask for. */
export const MAX_CELL_ALTERNATIVES = RANGES.top_logprobs.max;
export const cellTokenSchema = z.object({
  token: z.string(),
  logprob: z.number(),
  top: z.array(alternativeSchema).max(MAX_CELL_ALTERNATIVES),
});

export const cellResultSchema = z.object({
  status: z.enum(CELL_STATUSES),
  text: z.string(),
  finishReason: z.string().nullable(),
  ttftMs: z.number().nullable(),
  totalMs: z.number().nullable(),
  completionTokens: z.number().nullable(),
  /** From the provider's usage; absent in sweeps saved before costs were shown. */
  promptTokens: z.number().nullable().optional(),
  /** Whether the answer satisfied guided_json; null when no schema was asked for or no answer came. */
  schemaValid: z.boolean().nullable(),
  error: cellErrorSchema.nullable(),
  /** The first choice's tokens with their log-probabilities, when the request asked for logprobs. */
  logprobs: z.array(cellTokenSchema).max(MAX_CELL_TOKENS).optional(),
});
export type CellResult = z.infer<typeof cellResultSchema>;

/** Results keyed by cell key (see expandGrid). */
export type SweepResults = Readonly<Record<string, CellResult>>;

/** Results as a history stores them: a cell still pending or running is cancelled, since nothing will finish it. */
export function settledResults<R extends { status: CellStatus }>(results: Readonly<Record<string, R>>): Record<string, R> {
  return Object.fromEntries(
    Object.entries(results).map(([k, r]) => [k, r.status === "pending" || r.status === "running" ? { ...r, status: "cancelled" } : r]),
  );
}

export function pendingResult(): CellResult {
  return {
    status: "pending",
    text: "",
    finishReason: null,
    ttftMs: null,
    totalMs: null,
    completionTokens: null,
    schemaValid: null,
    error: null,
  };
}
