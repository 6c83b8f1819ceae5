/** A numeric range; with `exclusiveMin` the least value itself is refused (top_p is in (0, 1]). */
export interface Range {
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
}

/** Keyed by parameter name; not typed by ../params/catalog's names, which are built from these. */
type Ranges = Readonly<Record<string, Range>>;

/**
 * The general ranges: OpenAI's reference, or vLLM's for the parameters vLLM introduced. The
 * parameter catalogue states them and the OpenAI profile documents them.
 */
export const RANGES = {
  temperature: { min: 0, max: 2 },
  top_p: { min: 0, max: 1, exclusiveMin: true },
  top_k: { min: -1 },
  min_p: { min: 0, max: 1 },
  max_tokens: { min: 1 },
  n: { min: 1, max: 128 },
  frequency_penalty: { min: -2, max: 2 },
  presence_penalty: { min: -2, max: 2 },
  repetition_penalty: { min: 0, exclusiveMin: true },
  top_logprobs: { min: 0, max: 20 },
  best_of: { min: 1 },
} as const satisfies Ranges;

/**
 * What the built-in local provider accepts: its profile documents these and lib/local/schema.ts
 * refuses a request outside them. Narrower than the general ranges where one request would
 * otherwise hold the server's CPU for long.
 */
export const LOCAL_RANGES = {
  ...RANGES,
  max_tokens: { min: 1, max: 4096 },
  n: { min: 1, max: 16 },
  best_of: { min: 1, max: 16 },
  repetition_penalty: { min: 0, max: 100, exclusiveMin: true },
} as const satisfies Ranges;

/** Most stop strings one request to the local provider may give. */
export const LOCAL_MAX_STOP_STRINGS = 16;

/** A range as a provider profile states it: its bounds, the least value inclusive (as OpenAI documents top_p, [0, 1]). */
export function bounds(range: Range): { min?: number; max?: number } {
  return { ...(range.min !== undefined && { min: range.min }), ...(range.max !== undefined && { max: range.max }) };
}

/** A range as the provider that enforces it states it, an exclusive least value kept (the local provider). */
export function exactBounds(range: Range): { min?: number; max?: number; exclusiveMin?: true } {
  return { ...bounds(range), ...(range.exclusiveMin === true && { exclusiveMin: true }) };
}
