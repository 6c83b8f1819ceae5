import type { ContextTable, NgramModel, Part } from "./ngram";
import type { Rng } from "../decode/rng";
import type { SamplingParams } from "../decode/sampler";

/**
 * The fast path for the most common request: temperature 1, no truncation, no penalties, no
 * constraint, no log-probabilities (logit_bias allowed). The model's distribution is a mixture
 * of a scaled unigram and a few sparse successor lists, so a token can be drawn from it exactly
 * without ever building the dense distribution: pick a component by its mass, then a token in it
 * (binary search on the unigram's CDF, or a walk along a short list). A biased token's own
 * probability is computed exactly; the others are drawn from the mixture by rejection.
 */
export function mixtureApplies(p: SamplingParams, constrained: boolean, logprobs: boolean): boolean {
  return (
    !constrained &&
    !logprobs &&
    p.temperature === 1 &&
    p.topK <= 0 &&
    p.topP >= 1 &&
    p.minP <= 0 &&
    p.frequencyPenalty === 0 &&
    p.presencePenalty === 0 &&
    p.repetitionPenalty === 1
  );
}

/** Rejection tries before giving up on the fast path for one step (the caller then goes dense). */
const MAX_TRIES = 64;

export class MixtureSampler {
  private readonly parts: Part[] = [];
  private readonly model: NgramModel;
  private readonly bias: ReadonlyMap<number, number>;

  constructor(model: NgramModel, bias: ReadonlyMap<number, number>) {
    this.model = model;
    this.bias = bias;
  }

  /** A token id, or -1 when this step needs the dense path. */
  sample(a: number, b: number, ctx: ContextTable | undefined, rng: Rng): number {
    const uniScale = this.model.mixture(a, b, this.parts, ctx);
    let total = uniScale;
    for (const part of this.parts) total += part.scale * part.s.mass;
    if (this.bias.size === 0) return this.draw(uniScale, total, rng);
    let biasedMass = 0;
    let baseOfBiased = 0;
    const ids: number[] = [];
    const masses: number[] = [];
    for (const [id, bias] of this.bias) {
      const p = this.probability(id, uniScale);
      const q = bias <= -100 ? 0 : p * Math.exp(bias);
      ids.push(id);
      masses.push(q);
      biasedMass += q;
      baseOfBiased += p;
    }
    const rest = Math.max(total - baseOfBiased, 0);
    let r = rng() * (biasedMass + rest);
    if (r < biasedMass) {
      for (let j = 0; j < ids.length; j++) {
        r -= masses[j]!;
        if (r < 0) return ids[j]!;
      }
    }
    if (rest < 1e-9 * total) return -1;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const id = this.draw(uniScale, total, rng);
      if (!this.bias.has(id)) return id;
    }
    return -1;
  }

  private draw(uniScale: number, total: number, rng: Rng): number {
    let r = rng() * total;
    if (r < uniScale) return this.model.unigramAt(r / uniScale);
    r -= uniScale;
    let last = 0;
    for (const { s, scale } of this.parts) {
      const m = s.mass * scale;
      if (r >= m) {
        r -= m;
        continue;
      }
      const w = s.weights;
      for (let j = 0; j < w.length; j++) {
        r -= w[j]! * scale;
        last = s.ids[j]!;
        if (r < 0) return last;
      }
      return last;
    }
    return this.model.unigramAt(0.5);
  }

  /** The exact mixture probability of one token. */
  private probability(id: number, uniScale: number): number {
    let p = uniScale * (this.model.unigram[id] ?? 0);
    for (const { s, scale } of this.parts) {
      const ids = s.ids;
      for (let j = 0; j < ids.length; j++) if (ids[j] === id) p += s.weights[j]! * scale;
    }
    return p;
  }
}
