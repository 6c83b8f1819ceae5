import { costOf, type Price } from "../pricing/prices";

/** One finished run of one target, as the results table needs it. */
export interface RunSample {
  ttftMs: number | null;
  totalMs: number | null;
  tokensPerSecond: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  finishReason: string | null;
  answerLength: number;
  /** guided_json / json_schema runs: whether the answer held; null when no schema was asked. */
  schemaHeld: boolean | null;
  failed: boolean;
}

export interface Figure {
  median: number;
  min: number;
  max: number;
  n: number;
}

export const NUMERIC = ["ttftMs", "totalMs", "tokensPerSecond", "promptTokens", "completionTokens", "answerLength"] as const;
export type NumericField = (typeof NUMERIC)[number];

/** Which way is better, for the fields where that is clear; the others are not highlighted. */
export const BETTER: Partial<Record<NumericField, "low" | "high">> = { ttftMs: "low", totalMs: "low", tokensPerSecond: "high" };

export interface TargetSummary {
  runs: number;
  failed: number;
  figures: Record<NumericField, Figure | null>;
  finishReasons: string[];
  /** Runs whose answer held the schema, of those that asked for one; null when none did. */
  schemaHeld: { held: number; of: number } | null;
}

/** Median, min and max of the finite values; null when there are none. */
export function figure(values: (number | null)[]): Figure | null {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  const median = v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  return { median, min: v[0] as number, max: v[v.length - 1] as number, n: v.length };
}

export function summarizeTarget(samples: readonly RunSample[]): TargetSummary {
  const ok = samples.filter((s) => !s.failed);
  const figures = Object.fromEntries(NUMERIC.map((f) => [f, figure(ok.map((s) => s[f]))])) as Record<NumericField, Figure | null>;
  const asked = ok.filter((s) => s.schemaHeld !== null);
  return {
    runs: samples.length,
    failed: samples.length - ok.length,
    figures,
    finishReasons: [...new Set(ok.map((s) => s.finishReason ?? "–"))],
    schemaHeld: asked.length ? { held: asked.filter((s) => s.schemaHeld).length, of: asked.length } : null,
  };
}

/** Index of the best median per highlighted field (ties: the first); absent when no target has a value. */
export function bestPerField(summaries: readonly TargetSummary[]): Partial<Record<NumericField, number>> {
  const out: Partial<Record<NumericField, number>> = {};
  for (const [field, way] of Object.entries(BETTER) as [NumericField, "low" | "high"][]) {
    let best = -1;
    summaries.forEach((s, i) => {
      const v = s.figures[field]?.median;
      const current = best >= 0 ? summaries[best]?.figures[field]?.median : undefined;
      if (v === undefined) return;
      if (current === undefined || (way === "low" ? v < current : v > current)) best = i;
    });
    if (best >= 0) out[field] = best;
  }
  return out;
}

/** Dollars per run (median and spread) at the user's price; null without a price or token counts. */
export function costFigure(samples: readonly RunSample[], price: Price | null): Figure | null {
  if (!price) return null;
  const counted = samples.filter((s) => !s.failed && (s.promptTokens !== null || s.completionTokens !== null));
  return figure(counted.map((s) => costOf(s.promptTokens, s.completionTokens, price)));
}
