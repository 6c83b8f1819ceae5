import type { Factored } from "./factored";
import { EOS_ID, Tokenizer, type TokenizerOptions } from "./tokenizer";

/**
 * An interpolated trigram model with absolute discounting (the structure of Kneser-Ney, with a
 * smoothed unigram at the bottom), over the tokenizer's base vocabulary. Counts are stored as
 * sparse successor lists, with the discounted weight of each successor precomputed, so one
 * next-token distribution costs one dense pass over the vocabulary (scaling the unigram) plus a
 * few sparse additions.
 *
 * A request's own conversation is a second, small model of the same shape (`ContextTable`); the
 * two are mixed linearly, the conversation with weight `PROMPT_WEIGHT`, so answers reuse the
 * prompt's words.
 */

const DISCOUNT = 0.75;
/** Add-alpha smoothing of the unigram, so every token (single characters included) has mass. */
const UNIGRAM_ALPHA = 0.01;
/**
 * Weight of the conversation's own model in the mixture, by the longest context it has seen:
 * high inside a phrase of the prompt (so its words, even ones spelled letter by letter, come
 * back whole), low elsewhere (so the prompt's words are only sprinkled in).
 */
export const PROMPT_WEIGHT = { trigram: 0.6, bigram: 0.35, unigram: 0.12 } as const;

/** Successors of one context: ids with their discounted probability `(c - D) / total`. */
export interface Successors {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  /** Mass left for the lower order: `D * distinct / total`. */
  readonly backoff: number;
  /** Sum of `weights` (1 - backoff, up to rounding). */
  readonly mass: number;
}

/** One sparse component of the mixture: a successor list and the weight it enters with. */
export interface Part {
  s: Successors;
  scale: number;
}

type CountTable = Map<number, Map<number, number>>;

function bump(table: CountTable, ctx: number, next: number): void {
  let row = table.get(ctx);
  if (!row) {
    row = new Map();
    table.set(ctx, row);
  }
  row.set(next, (row.get(next) ?? 0) + 1);
}

function freeze(table: CountTable): Map<number, Successors> {
  const out = new Map<number, Successors>();
  for (const [ctx, row] of table) {
    let total = 0;
    for (const c of row.values()) total += c;
    const ids = new Int32Array(row.size);
    const weights = new Float64Array(row.size);
    let i = 0;
    for (const [id, c] of row) {
      ids[i] = id;
      weights[i] = Math.max(c - DISCOUNT, 0) / total;
      i++;
    }
    out.set(ctx, { ids, weights, backoff: (DISCOUNT * row.size) / total, mass: weights.reduce((x, y) => x + y, 0) });
  }
  return out;
}

/** Bigram and trigram counts of a token stream, frozen into successor lists. */
export interface NgramTables {
  readonly bigram: Map<number, Successors>;
  readonly trigram: Map<number, Successors>;
}

/**
 * Counts the n-grams of `sequences`, each framed as `EOS EOS tokens… EOS`, so the model learns
 * how documents start and end. Extended ids (characters outside the vocabulary) count as EOS.
 */
function countSequences(sequences: readonly (readonly number[])[], size: number, unigram: Float64Array, framed: boolean): NgramTables {
  const bigram: CountTable = new Map();
  const trigram: CountTable = new Map();
  for (const seq of sequences) {
    let a = EOS_ID;
    let b = EOS_ID;
    const end = framed ? seq.length : seq.length - 1;
    for (let i = 0; i <= end; i++) {
      const raw = i < seq.length ? seq[i]! : EOS_ID;
      const t = raw < size ? raw : EOS_ID;
      unigram[t]! += 1;
      if (framed || i >= 1) bump(bigram, b, t);
      if (framed || i >= 2) bump(trigram, a * size + b, t);
      a = b;
      b = t;
    }
  }
  return { bigram: freeze(bigram), trigram: freeze(trigram) };
}

export interface ModelStats {
  vocabSize: number;
  trainingTokens: number;
  trainingChars: number;
  documents: number;
}

export class NgramModel {
  readonly tokenizer: Tokenizer;
  readonly size: number;
  /** Smoothed unigram probabilities over the base vocabulary (sum 1). */
  readonly unigram: Float64Array;
  readonly tables: NgramTables;
  readonly stats: ModelStats;

  constructor(tokenizer: Tokenizer, documents: readonly string[]) {
    this.tokenizer = tokenizer;
    this.size = tokenizer.size;
    const sequences = documents.map((d) => tokenizer.encode(d));
    const counts = new Float64Array(this.size);
    this.tables = countSequences(sequences, this.size, counts, true);
    let n = 0;
    for (const c of counts) n += c;
    this.unigram = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) this.unigram[i] = (counts[i]! + UNIGRAM_ALPHA) / (n + UNIGRAM_ALPHA * this.size);
    this.stats = {
      vocabSize: this.size,
      trainingTokens: sequences.reduce((s, q) => s + q.length, 0),
      trainingChars: documents.reduce((s, d) => s + d.length, 0),
      documents: documents.length,
    };
  }

  private cdf: Float64Array | null = null;

  /** The id at cumulative unigram mass `r` (0 ≤ r < 1), by binary search. */
  unigramAt(r: number): number {
    if (!this.cdf) {
      this.cdf = new Float64Array(this.size);
      let acc = 0;
      for (let i = 0; i < this.size; i++) this.cdf[i] = acc += this.unigram[i]!;
    }
    const cdf = this.cdf;
    const target = r * cdf[this.size - 1]!;
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  static train(documents: readonly string[], options: TokenizerOptions = {}): NgramModel {
    return new NgramModel(Tokenizer.fromCorpus(documents, options), documents);
  }

  /** The conversation's own tables; `promptTokens` may hold extended ids. */
  contextTable(segments: readonly (readonly number[])[]): ContextTable {
    return new ContextTable(this.size, segments, (seg, i) => this.wordTarget(seg, i));
  }

  /**
   * Where the unigram mass of `seg[i]` goes: only whole words count (a word token not glued to
   * letters on either side), with their leading space — a message's first word "What" counts as
   * " What" — so fragments of spelled words ("ra", "Wh") are not sprinkled on their own.
   */
  wordTarget(seg: readonly number[], i: number): number | null {
    const piece = this.tokenizer.piece(seg[i]!);
    if (!/^ ?\p{L}{2,}$/u.test(piece)) return null;
    const next = i + 1 < seg.length ? this.tokenizer.piece(seg[i + 1]!) : "";
    const prev = i > 0 ? this.tokenizer.piece(seg[i - 1]!) : "";
    if (/^\p{L}/u.test(next) || (piece[0] !== " " && /\p{L}$/u.test(prev))) return null;
    return piece[0] === " " ? seg[i]! : (this.tokenizer.idOf(` ${piece}`) ?? null);
  }

  /**
   * Writes P(next | a, b) into `out` (length `size`, sums to 1): the corpus model, mixed with
   * the conversation's model when `ctx` is given.
   */
  distribution(a: number, b: number, out: Float64Array, ctx?: ContextTable, factored?: Factored): void {
    const parts = this.partsBuffer;
    const uniScale = this.mixture(a, b, parts, ctx);
    const uni = this.unigram;
    for (let i = 0; i < this.size; i++) out[i] = uni[i]! * uniScale;
    factored?.reset(uni, uniScale);
    for (const part of parts) addSparse(out, part.s, part.scale, factored);
  }

  private readonly partsBuffer: Part[] = [];

  /**
   * P(next | a, b) as a mixture: `uniScale · unigram` plus the sparse parts written into `parts`
   * (corpus bigram and trigram, then the conversation's); returns `uniScale`. The weights sum
   * to 1. `distribution` makes it dense; `MixtureSampler` samples it without doing so.
   */
  mixture(a: number, b: number, parts: Part[], ctx?: ContextTable): number {
    parts.length = 0;
    const V = this.size;
    const ca = a < V ? a : EOS_ID;
    const cb = b < V ? b : EOS_ID;
    const tri = this.tables.trigram.get(ca * V + cb);
    const bi = this.tables.bigram.get(cb);
    const promptWeight = ctx ? ctx.weight(ca, cb) : 0;
    const corpusWeight = 1 - promptWeight;
    const triBack = tri ? tri.backoff : 1;
    const biBack = bi ? bi.backoff : 1;
    if (bi) parts.push({ s: bi, scale: corpusWeight * triBack });
    if (tri) parts.push({ s: tri, scale: corpusWeight });
    if (ctx && promptWeight > 0) ctx.parts(ca, cb, promptWeight, parts);
    return corpusWeight * triBack * biBack;
  }
}

export function addSparse(out: Float64Array, s: Successors, scale: number, factored?: Factored): void {
  const ids = s.ids;
  const w = s.weights;
  for (let j = 0; j < ids.length; j++) out[ids[j]!]! += w[j]! * scale;
  factored?.touchAll(ids);
}

/** A small interpolated model of the request's own conversation, every part sparse. */
export class ContextTable {
  readonly tables: NgramTables;
  readonly unigram: Successors;
  readonly empty: boolean;
  private readonly size: number;

  /**
   * `target` says which token the unigram mass of `seg[i]` goes to (null: none); see
   * NgramModel.wordTarget.
   */
  constructor(
    size: number,
    segments: readonly (readonly number[])[],
    target: (seg: readonly number[], i: number) => number | null = (seg, i) => seg[i]!,
  ) {
    this.size = size;
    this.tables = countSequences(segments, size, new Float64Array(size), false);
    const counts = new Float64Array(size);
    for (const seg of segments) {
      for (let i = 0; i < seg.length; i++) {
        const to = seg[i]! < size && seg[i] !== EOS_ID ? target(seg, i) : null;
        if (to !== null && to < size) counts[to]! += 1;
      }
    }
    let n = 0;
    const ids: number[] = [];
    for (let i = 0; i < size; i++) {
      if (counts[i]! > 0) {
        ids.push(i);
        n += counts[i]!;
      }
    }
    this.empty = n === 0;
    const weights = Float64Array.from(ids, (i) => counts[i]! / Math.max(n, 1));
    this.unigram = { ids: Int32Array.from(ids), weights, backoff: 0, mass: weights.reduce((x, y) => x + y, 0) };
  }

  /** Mixture weight of this table for the context (a, b): see PROMPT_WEIGHT. */
  weight(a: number, b: number): number {
    if (this.empty) return 0;
    if (this.tables.trigram.has(a * this.size + b)) return PROMPT_WEIGHT.trigram;
    return this.tables.bigram.has(b) ? PROMPT_WEIGHT.bigram : PROMPT_WEIGHT.unigram;
  }

  parts(a: number, b: number, weight: number, out: Part[]): void {
    const tri = this.tables.trigram.get(a * this.size + b);
    const bi = this.tables.bigram.get(b);
    const triBack = tri ? tri.backoff : 1;
    const biBack = bi ? bi.backoff : 1;
    out.push({ s: this.unigram, scale: weight * triBack * biBack });
    if (bi) out.push({ s: bi, scale: weight * triBack });
    if (tri) out.push({ s: tri, scale: weight });
  }
}
