import type { Factored } from "../model/factored";
import type { Rng } from "./rng";
import { EOS_ID } from "../model/tokenizer";

/**
 * Turns the model's next-token distribution into one token. The work happens on probabilities
 * (a Float64Array, not necessarily normalised), where every step of the documented order is a
 * cheap multiplication:
 *
 *   1. logit_bias            p *= exp(bias); a bias of -100 or less bans the token outright
 *   2. repetition_penalty    on tokens seen in prompt or output: logit l = log p becomes
 *                            l / r when l > 0, l * r otherwise (the Hugging Face rule)
 *      frequency_penalty,    on tokens of the output: l -= count * frequency + presence
 *      presence_penalty
 *   3. constraint mask       tokens that cannot continue a valid output get p = 0
 *   4. temperature           p = (p / max) ^ (1 / T); T = 0 means greedy (argmax, ties to lowest id)
 *   5. top_k                 keep the k most likely (ties broken by lower id); 1 is greedy, 0/-1 off
 *   6. top_p                 keep the smallest most-likely set whose mass reaches top_p
 *   7. min_p                 drop tokens below min_p * max
 *   8. sample                one draw from the seeded PRNG
 *
 * Steps 1–4 (`shape`) change the distribution in place; 5–8 (`pick`) work on a copy, so
 * log-probabilities can be read from the shaped distribution before truncation.
 */
export interface SamplingParams {
  temperature: number;
  topK: number;
  topP: number;
  minP: number;
  frequencyPenalty: number;
  presencePenalty: number;
  repetitionPenalty: number;
  /** Base-vocabulary ids only; other ids are never generated. */
  logitBias: ReadonlyMap<number, number>;
}

export const DEFAULT_SAMPLING: SamplingParams = {
  temperature: 1,
  topK: 0,
  topP: 1,
  minP: 0,
  frequencyPenalty: 0,
  presencePenalty: 0,
  repetitionPenalty: 1,
  logitBias: new Map(),
};

/**
 * Tokens a choice has produced, and the prompt's tokens for the repetition penalty. The prompt's
 * set is shared (never copied) between the beams and choices of one request.
 */
export class PenaltyState {
  readonly counts = new Map<number, number>();
  readonly prompt: ReadonlySet<number>;

  constructor(prompt: ReadonlySet<number> | Iterable<number> = []) {
    this.prompt = prompt instanceof Set ? prompt : new Set(prompt);
  }

  add(id: number): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  clone(): PenaltyState {
    const c = new PenaltyState(this.prompt);
    for (const [k, v] of this.counts) c.counts.set(k, v);
    return c;
  }
}

/** What a constraint allows next; null means unconstrained. */
export interface Allowed {
  ids: readonly number[];
  eos: boolean;
}

export function applyBias(p: Float64Array, bias: ReadonlyMap<number, number>, factored?: Factored): void {
  for (const [id, b] of bias) {
    if (id >= p.length) continue;
    p[id] = b <= -100 ? 0 : p[id]! * Math.exp(b);
    factored?.touch(id);
  }
}

/** exp(log p · r) for log p ≤ 0, exp(log p / r) above: one `pow` either way. */
function repeat(p: Float64Array, id: number, r: number, factored?: Factored): void {
  if (id >= p.length || p[id] === 0) return;
  const v = p[id]!;
  p[id] = v > 1 ? v ** (1 / r) : v ** r;
  factored?.touch(id);
}

export function applyPenalties(p: Float64Array, params: SamplingParams, state: PenaltyState, factored?: Factored): void {
  const r = params.repetitionPenalty;
  if (r !== 1) {
    for (const id of state.prompt) repeat(p, id, r, factored);
    for (const id of state.counts.keys()) if (!state.prompt.has(id)) repeat(p, id, r, factored);
  }
  const f = params.frequencyPenalty;
  const pr = params.presencePenalty;
  if (f !== 0 || pr !== 0) {
    for (const [id, count] of state.counts) {
      if (id >= p.length) continue;
      p[id]! *= Math.exp(-(count * f + pr));
      factored?.touch(id);
    }
  }
}

/**
 * Keeps only what the constraint allows, using `scratch` (same length, overwritten). When every
 * allowed token has zero mass (banned by logit_bias, say), the allowed tokens share the mass
 * equally: the constraint must still be satisfiable, so it wins over the bias.
 */
export function applyMask(p: Float64Array, allowed: Allowed, scratch: Float64Array, factored?: Factored): void {
  scratch.fill(0);
  let total = 0;
  for (const id of allowed.ids) {
    if (id === EOS_ID || id >= p.length) continue;
    scratch[id] = p[id]!;
    total += p[id]!;
  }
  if (allowed.eos) {
    scratch[EOS_ID] = p[EOS_ID]!;
    total += p[EOS_ID]!;
  }
  if (!(total > 0)) {
    for (const id of allowed.ids) if (id < p.length && id !== EOS_ID) scratch[id] = 1;
    if (allowed.eos) scratch[EOS_ID] = 1;
    if (factored) factored.exact = false;
  }
  p.set(scratch);
}

export function applyTemperature(p: Float64Array, temperature: number): void {
  if (temperature === 1 || temperature === 0) return;
  const max = maxOf(p);
  if (!(max > 0)) return;
  const inv = 1 / temperature;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (v > 0) p[i] = (v / max) ** inv;
  }
}

/**
 * The same as applyTemperature, with a `pow` only for the touched entries: the rest are
 * `uniScale · u`, and `scaledUnigram` holds `u^(1/T)` (see Factored).
 */
export function applyTemperatureFactored(
  p: Float64Array,
  temperature: number,
  f: Factored,
  scaledUnigram: Float64Array,
  saved: Float64Array,
): void {
  const max = maxOf(p);
  if (!(max > 0)) return;
  const inv = 1 / temperature;
  const ids = f.ids;
  for (let k = 0; k < f.count; k++) saved[k] = p[ids[k]!]!;
  const scale = (f.uniScale / max) ** inv;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) p[i] = scale * scaledUnigram[i]!;
  for (let k = 0; k < f.count; k++) {
    const v = saved[k]!;
    p[ids[k]!] = v > 0 ? (v / max) ** inv : 0;
  }
}

export function maxOf(p: Float64Array): number {
  let m = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > m) m = p[i]!;
  return m;
}

export function argmax(p: Float64Array): number {
  let best = 0;
  let m = -1;
  for (let i = 0; i < p.length; i++) {
    if (p[i]! > m) {
      m = p[i]!;
      best = i;
    }
  }
  return best;
}

type Enough = (count: number, mass: number) => boolean;

/**
 * The smallest set of most likely ids (ties: lower id first) for which `enough(count, mass)`
 * holds, without sorting the vocabulary. A radix select on the floats' bits (no log): entries are
 * bucketed by binary exponent and the top 4 mantissa bits (1024 buckets, reused across calls);
 * buckets above the cut are kept whole and only the entries of the last sub-bucket are sorted.
 */
const HEAD_COUNTS = new Float64Array(64 * 16);
const HEAD_MASSES = new Float64Array(64 * 16);

export function head(p: Float64Array, enough: Enough): number[] {
  const m = maxOf(p);
  if (!(m > 0)) return [];
  const bits = new Uint32Array(p.buffer, p.byteOffset, p.length * 2);
  const topExp = (bits[2 * argmax(p) + 1]! >>> 20) & 0x7ff;
  // Key 0 is the largest: 64 exponent buckets × 16 mantissa sub-buckets, descending.
  const key = (i: number) => {
    const hi = bits[2 * i + 1]!;
    const e = Math.min(63, topExp - ((hi >>> 20) & 0x7ff));
    return e * 16 + (15 - ((hi >>> 16) & 0xf));
  };
  const counts = HEAD_COUNTS.fill(0);
  const masses = HEAD_MASSES.fill(0);
  for (let i = 0; i < p.length; i++) {
    if (p[i]! > 0) {
      const k = key(i);
      counts[k]!++;
      masses[k]! += p[i]!;
    }
  }
  let cut = 0;
  let count = 0;
  let mass = 0;
  for (; cut < counts.length - 1; cut++) {
    if (counts[cut] === 0) continue;
    if (enough(count + counts[cut]!, mass + masses[cut]!)) break;
    count += counts[cut]!;
    mass += masses[cut]!;
  }
  const kept: number[] = [];
  const edge: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (!(p[i]! > 0)) continue;
    const k = key(i);
    if (k < cut) kept.push(i);
    else if (k === cut) edge.push(i);
  }
  edge.sort((a, b) => p[b]! - p[a]! || a - b);
  for (const id of edge) {
    if (enough(count, mass)) break;
    kept.push(id);
    count++;
    mass += p[id]!;
  }
  return kept;
}

/** Zeroes every entry but `keep`. */
function keepOnly(p: Float64Array, keep: readonly number[]): void {
  const values = keep.map((id) => p[id]!);
  p.fill(0);
  keep.forEach((id, j) => {
    p[id] = values[j]!;
  });
}

export function applyTopK(p: Float64Array, k: number): void {
  if (k <= 0 || k >= p.length) return;
  keepOnly(
    p,
    head(p, (count) => count >= k),
  );
}

/** The smallest most-likely set whose mass reaches top_p (the first token is always kept). */
export function applyTopP(p: Float64Array, topP: number): void {
  if (topP >= 1) return;
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i]!;
  const target = topP * total;
  keepOnly(
    p,
    head(p, (count, mass) => count >= 1 && mass >= target),
  );
}

export function applyMinP(p: Float64Array, minP: number): void {
  if (minP <= 0) return;
  const threshold = minP * maxOf(p);
  for (let i = 0; i < p.length; i++) if (p[i]! < threshold) p[i] = 0;
}

/** One draw from an unnormalised distribution; falls back to argmax if the mass is not positive. */
export function draw(p: Float64Array, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < p.length; i++) total += p[i]!;
  if (!(total > 0) || !Number.isFinite(total)) return argmax(p);
  let r = rng() * total;
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (v > 0) {
      r -= v;
      last = i;
      if (r < 0) return i;
    }
  }
  return last;
}

export class Sampler {
  readonly params: SamplingParams;
  private readonly scratch: Float64Array;
  private readonly copy: Float64Array;
  private readonly truncates: boolean;
  private saved = new Float64Array(256);

  constructor(params: SamplingParams, size: number) {
    this.params = params;
    this.scratch = new Float64Array(size);
    this.copy = new Float64Array(size);
    this.truncates = params.topK > 1 || params.topP < 1 || params.minP > 0;
  }

  /**
   * Steps 1–4 in place (temperature 0 leaves the distribution as it is: `pick` takes the
   * argmax). With `factored` (what the model touched), temperature skips most `pow`s.
   */
  shape(p: Float64Array, state: PenaltyState, allowed: Allowed | null, factored?: Factored): void {
    if (this.params.logitBias.size > 0) applyBias(p, this.params.logitBias, factored);
    if (factored?.exact) this.penalizeFactored(p, state, factored);
    else applyPenalties(p, this.params, state, factored);
    if (allowed) applyMask(p, allowed, this.scratch, factored);
    const t = this.params.temperature;
    if (t === 1 || t === 0) return;
    if (!factored?.exact) {
      applyTemperature(p, t);
      return;
    }
    if (this.saved.length < factored.count) this.saved = new Float64Array(factored.ids.length);
    applyTemperatureFactored(p, t, factored, this.unigramPower(factored.unigram), this.saved);
  }

  /**
   * applyPenalties, faster: an untouched entry is `uniScale · u` (at most 1), so its repetition
   * penalty `p^r` is `uniScale^r · u^r` with `u^r` computed once per request; the frequency and
   * presence factor depends on the count only and is cached by count.
   */
  private penalizeFactored(p: Float64Array, state: PenaltyState, f: Factored): void {
    const r = this.params.repetitionPenalty;
    if (r !== 1) {
      const powR = this.unigramPow(f.unigram, r, "r");
      const scale = f.uniScale ** r;
      const one = (id: number) => {
        if (id >= p.length || p[id] === 0) return;
        if (f.isTouched(id)) repeat(p, id, r, f);
        else {
          p[id] = scale * powR[id]!;
          f.touch(id);
        }
      };
      for (const id of state.prompt) one(id);
      for (const id of state.counts.keys()) if (!state.prompt.has(id)) one(id);
    }
    const { frequencyPenalty: fp, presencePenalty: pp } = this.params;
    if (fp === 0 && pp === 0) return;
    for (const [id, count] of state.counts) {
      if (id >= p.length) continue;
      let factor = this.countFactors[count];
      if (factor === undefined) {
        factor = Math.exp(-(count * fp + pp));
        this.countFactors[count] = factor;
      }
      p[id]! *= factor;
      f.touch(id);
    }
  }

  private countFactors: number[] = [];
  private powCache = new Map<string, { from: Float64Array; values: Float64Array }>();

  /** u^e for the whole unigram, once per request and exponent. */
  private unigramPow(unigram: Float64Array, e: number, key: string): Float64Array {
    const hit = this.powCache.get(key);
    if (hit && hit.from === unigram) return hit.values;
    const values = unigram.map((u) => u ** e);
    this.powCache.set(key, { from: unigram, values });
    return values;
  }

  /** u^(1/T), computed once per request (per unigram). */
  private unigramPower(unigram: Float64Array): Float64Array {
    return this.unigramPow(unigram, 1 / this.params.temperature, "t");
  }

  /** Steps 5–8 on a copy of the shaped distribution. */
  pick(p: Float64Array, rng: Rng): number {
    const { temperature, topK, topP, minP } = this.params;
    if (temperature === 0 || topK === 1) return argmax(p);
    if (!this.truncates) return draw(p, rng);
    const q = this.copy;
    q.set(p);
    applyTopK(q, topK);
    applyTopP(q, topP);
    applyMinP(q, minP);
    return draw(q, rng);
  }
}
