import type { CellResult } from "./schema";

/**
 * Figures for one row or column of the matrix. Similarity is Jaccard over lowercase word SETS
 * (|A ∩ B| / |A ∪ B|): order and repetition are ignored, so it answers "do these answers use the
 * same words", cheaply and without a tokenizer, which is what a glance at a sweep needs. It is
 * not a semantic measure: "yes" and "no" score 0, a reworded answer scores low.
 */

/** Letters and digits, keeping inner apostrophes ("don't" is one word), in any script. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** Jaccard of two word sets; two texts without words are alike (1), one without words is not (0). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

export function wordSimilarity(a: string, b: string): number {
  return jaccard(wordSet(a), wordSet(b));
}

/** Mean over all unordered pairs; null with fewer than two texts (nothing to compare). */
export function meanPairwiseSimilarity(texts: readonly string[]): number | null {
  if (texts.length < 2) return null;
  // Word sets once per text, not once per pair: a 500-cell line has 124,750 pairs.
  const sets = texts.map(wordSet);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      sum += jaccard(sets[i]!, sets[j]!);
      pairs++;
    }
  }
  return sum / pairs;
}

/** Distinct answers, where answers differing only in whitespace (a trailing newline) count as one. */
export function distinctCount(texts: readonly string[]): number {
  return new Set(texts.map((t) => t.trim().replace(/\s+/g, " "))).size;
}

/** Median of the finite numbers, nulls skipped; null when none. Even counts take the mean of the middle two. */
export function median(numbers: readonly (number | null | undefined)[]): number | null {
  const xs = numbers.filter((n): n is number => typeof n === "number" && Number.isFinite(n)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** Share of checked answers that held the schema; cells with no verdict (null) are left out. */
export function passRate(cells: readonly Pick<CellResult, "schemaValid">[]): number | null {
  const checked = cells.filter((c) => c.schemaValid !== null);
  if (checked.length === 0) return null;
  return checked.filter((c) => c.schemaValid === true).length / checked.length;
}

export interface LineSummary {
  cells: number;
  done: number;
  failed: number;
  /** Among finished answers; null until there is one. */
  distinct: number | null;
  meanSimilarity: number | null;
  medianTotalMs: number | null;
  medianTtftMs: number | null;
  passRate: number | null;
  /** How many answers passRate is over. */
  schemaChecked: number;
}

/** Every per-row/column figure. Only finished ("done") cells count: a failure has no answer. */
export function summarizeLine(cells: readonly CellResult[]): LineSummary {
  const done = cells.filter((c) => c.status === "done");
  const texts = done.map((c) => c.text);
  return {
    cells: cells.length,
    done: done.length,
    failed: cells.filter((c) => c.status === "failed").length,
    distinct: done.length === 0 ? null : distinctCount(texts),
    meanSimilarity: meanPairwiseSimilarity(texts),
    medianTotalMs: median(done.map((c) => c.totalMs)),
    medianTtftMs: median(done.map((c) => c.ttftMs)),
    passRate: passRate(done),
    schemaChecked: done.filter((c) => c.schemaValid !== null).length,
  };
}
