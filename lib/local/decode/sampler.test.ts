import { describe, expect, it } from "vitest";
import { tokenLogprob } from "./logprobs";
import { mulberry32 } from "./rng";
import {
  applyBias,
  applyMask,
  applyMinP,
  applyPenalties,
  applyTemperature,
  applyTopK,
  applyTopP,
  DEFAULT_SAMPLING,
  draw,
  PenaltyState,
  Sampler,
  type SamplingParams,
} from "./sampler";

/** A fixed distribution over 8 tokens (id 0 is EOS). */
const BASE = [0.02, 0.3, 0.2, 0.15, 0.12, 0.1, 0.06, 0.05];
const dist = () => Float64Array.from(BASE);
const normalise = (p: Float64Array) => {
  const s = p.reduce((a, b) => a + b, 0);
  return Array.from(p, (v) => v / s);
};
const entropy = (p: Float64Array) => -normalise(p).reduce((h, v) => (v > 0 ? h + v * Math.log(v) : h), 0);
const nonzero = (p: Float64Array) => Array.from(p).filter((v) => v > 0).length;
const params = (over: Partial<SamplingParams>): SamplingParams => ({ ...DEFAULT_SAMPLING, ...over });

/** Empirical frequencies of `draws` samples from the sampler with these parameters. */
function frequencies(over: Partial<SamplingParams>, draws = 20000, seed = 1): number[] {
  const sampler = new Sampler(params(over), BASE.length);
  const rng = mulberry32(seed);
  const counts = new Array(BASE.length).fill(0);
  for (let i = 0; i < draws; i++) {
    const p = dist();
    sampler.shape(p, new PenaltyState(), null);
    counts[sampler.pick(p, rng)]++;
  }
  return counts.map((c) => c / draws);
}

describe("sampler: each parameter's effect on the distribution", () => {
  it("draws match the distribution at temperature 1", () => {
    const f = frequencies({});
    for (let i = 0; i < BASE.length; i++) expect(Math.abs(f[i]! - BASE[i]!)).toBeLessThan(0.015);
  });

  it("temperature below 1 lowers entropy, above 1 raises it, and keeps the order", () => {
    const cold = dist();
    applyTemperature(cold, 0.5);
    const hot = dist();
    applyTemperature(hot, 1.8);
    expect(entropy(cold)).toBeLessThan(entropy(dist()));
    expect(entropy(hot)).toBeGreaterThan(entropy(dist()));
    expect(normalise(cold)[1]).toBeGreaterThan(BASE[1]!);
  });

  it("temperature 0 and top_k 1 are greedy", () => {
    expect(frequencies({ temperature: 0 }, 500)[1]).toBe(1);
    expect(frequencies({ topK: 1 }, 500)[1]).toBe(1);
  });

  it("top_k leaves exactly k tokens, the k most likely", () => {
    for (const k of [2, 3, 5]) {
      const p = dist();
      applyTopK(p, k);
      expect(nonzero(p)).toBe(k);
      expect(p[1]).toBeGreaterThan(0);
    }
    const ties = Float64Array.from([0.25, 0.25, 0.25, 0.25]);
    applyTopK(ties, 2);
    expect(nonzero(ties)).toBe(2);
    const off = dist();
    applyTopK(off, 0);
    applyTopK(off, -1);
    expect(nonzero(off)).toBe(BASE.length);
  });

  it("top_p keeps the smallest most-likely set whose mass reaches top_p", () => {
    const p = dist();
    applyTopP(p, 0.6); // 0.3 + 0.2 = 0.5 < 0.6; + 0.15 = 0.65
    expect(Array.from(p, (v) => v > 0)).toEqual([false, true, true, true, false, false, false, false]);
    const one = dist();
    applyTopP(one, 0.01);
    expect(nonzero(one)).toBe(1);
    const f = frequencies({ topP: 0.6 });
    expect(f[4]! + f[5]! + f[6]! + f[7]! + f[0]!).toBe(0);
    expect(Math.abs(f[1]! - 0.3 / 0.65)).toBeLessThan(0.02);
  });

  it("top_k and top_p cut exactly where a full sort would, on random distributions", () => {
    const rng = mulberry32(5);
    for (let run = 0; run < 200; run++) {
      const p = Float64Array.from({ length: 300 }, () => (rng() < 0.1 ? 0 : rng() ** 6));
      const sorted = [...p.keys()].filter((i) => p[i]! > 0).sort((a, b) => p[b]! - p[a]! || a - b);
      const k = 1 + Math.floor(rng() * 50);
      const tk = Float64Array.from(p);
      applyTopK(tk, k);
      expect([...tk.keys()].filter((i) => tk[i]! > 0).sort((a, b) => a - b)).toEqual(sorted.slice(0, k).sort((a, b) => a - b));
      const topP = rng();
      const total = sorted.reduce((s, i) => s + p[i]!, 0);
      let acc = 0;
      let j = 0;
      while (j < sorted.length && (j === 0 || acc < topP * total)) acc += p[sorted[j++]!]!;
      const tp = Float64Array.from(p);
      applyTopP(tp, topP);
      expect([...tp.keys()].filter((i) => tp[i]! > 0).sort((a, b) => a - b)).toEqual(sorted.slice(0, j).sort((a, b) => a - b));
    }
  });

  it("min_p drops tokens below min_p times the best", () => {
    const p = dist();
    applyMinP(p, 0.4); // threshold 0.12
    expect(Array.from(p, (v) => v > 0)).toEqual([false, true, true, true, true, false, false, false]);
  });

  it("logit_bias shifts a token by exp(bias) and -100 bans it", () => {
    const p = dist();
    applyBias(p, new Map([[2, Math.log(2)]]));
    expect(p[2]).toBeCloseTo(0.4);
    const banned = frequencies({ logitBias: new Map([[1, -100]]) });
    expect(banned[1]).toBe(0);
    const forced = frequencies({ logitBias: new Map([[7, 100]]) }, 2000);
    expect(forced[7]).toBe(1);
  });

  it("frequency and presence penalties lower a produced token's probability, more with count", () => {
    const st = new PenaltyState();
    st.add(1);
    const once = dist();
    applyPenalties(once, params({ presencePenalty: 1 }), st);
    expect(once[1]).toBeCloseTo(0.3 * Math.exp(-1));
    expect(once[2]).toBe(0.2);
    st.add(1);
    const twice = dist();
    applyPenalties(twice, params({ frequencyPenalty: 0.5 }), st);
    expect(twice[1]).toBeCloseTo(0.3 * Math.exp(-1));
    const negative = dist();
    applyPenalties(negative, params({ frequencyPenalty: -1 }), st);
    expect(negative[1]).toBeGreaterThan(0.3);
  });

  it("repetition_penalty lowers tokens seen in the prompt or output, 1 is off", () => {
    const st = new PenaltyState([3]);
    st.add(1);
    const p = dist();
    applyPenalties(p, params({ repetitionPenalty: 1.5 }), st);
    expect(p[1]).toBeCloseTo(0.3 ** 1.5);
    expect(p[3]).toBeCloseTo(0.15 ** 1.5);
    expect(p[2]).toBe(0.2);
    const off = dist();
    applyPenalties(off, params({ repetitionPenalty: 1 }), st);
    expect(Array.from(off)).toEqual(BASE);
  });

  it("the constraint mask keeps only allowed tokens and EOS when allowed", () => {
    const p = dist();
    applyMask(p, { ids: [2, 5], eos: true }, new Float64Array(BASE.length));
    expect(Array.from(p, (v) => v > 0)).toEqual([true, false, true, false, false, true, false, false]);
    const banned = dist();
    banned[4] = 0;
    applyMask(banned, { ids: [4], eos: false }, new Float64Array(BASE.length));
    expect(banned[4]).toBeGreaterThan(0);
  });

  it("applies the mask before temperature and truncation", () => {
    const f = frequencies({ temperature: 0 });
    expect(f[1]).toBe(1);
    const sampler = new Sampler(params({ temperature: 0, topK: 1 }), BASE.length);
    const p = dist();
    sampler.shape(p, new PenaltyState(), { ids: [6, 7], eos: false });
    expect(sampler.pick(p, mulberry32(1))).toBe(6);
  });

  it("the same seed gives the same draws", () => {
    const a = frequencies({ temperature: 0.9, topP: 0.95 }, 300, 42);
    const b = frequencies({ temperature: 0.9, topP: 0.95 }, 300, 42);
    const c = frequencies({ temperature: 0.9, topP: 0.95 }, 300, 43);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("draw falls back to argmax when no mass is left", () => {
    expect(draw(new Float64Array(4), mulberry32(1))).toBe(0);
  });

  it("log-probabilities are normalised and the alternatives sorted", () => {
    const lp = tokenLogprob(dist(), 3, 4);
    expect(lp.logprob).toBeCloseTo(Math.log(0.15));
    expect(lp.top.map((t) => t.id)).toEqual([1, 2, 3, 4]);
    const zero = dist();
    zero[5] = 0;
    expect(tokenLogprob(zero, 5, 0).logprob).toBe(-9999);
  });
});

describe("sampler: the factored temperature path", () => {
  it("gives the same distribution as the plain one, with bias and penalties", async () => {
    const { localModel } = await import("../model/model");
    const { Factored } = await import("../model/factored");
    const model = localModel();
    const prompt = model.tokenizer.encode("What does the temperature do to the answer?");
    const ctx = model.contextTable([prompt]);
    const state = new PenaltyState(prompt);
    state.add(prompt[2]!);
    for (const t of [0.3, 0.7, 1.6]) {
      const sp = params({
        temperature: t,
        logitBias: new Map([
          [5, 2],
          [9, -3],
        ]),
        repetitionPenalty: 1.3,
        frequencyPenalty: 0.4,
      });
      const fast = new Float64Array(model.size);
      const f = new Factored();
      model.distribution(prompt[1]!, prompt[2]!, fast, ctx, f);
      new Sampler(sp, model.size).shape(fast, state, null, f);
      const slow = new Float64Array(model.size);
      model.distribution(prompt[1]!, prompt[2]!, slow, ctx);
      new Sampler(sp, model.size).shape(slow, state, null);
      for (let i = 0; i < model.size; i++) expect(fast[i]).toBeCloseTo(slow[i]!, 12);
    }
  });

  it("picks the same token for the same seed either way, with truncation", async () => {
    const { localModel } = await import("../model/model");
    const { Factored } = await import("../model/factored");
    const model = localModel();
    const prompt = model.tokenizer.encode("How do top p and top k change the answer of the model?");
    const ctx = model.contextTable([prompt]);
    const state = new PenaltyState(prompt);
    for (const over of [
      { topK: 5 },
      { topK: 40, topP: 0.8 },
      { topP: 0.5, temperature: 0.8 },
      { topP: 0.95, minP: 0.01, temperature: 1.3 },
    ]) {
      for (let step = 0; step + 1 < prompt.length; step++) {
        const sp = params(over);
        const f = new Factored();
        const fast = new Float64Array(model.size);
        model.distribution(prompt[step]!, prompt[step + 1]!, fast, ctx, f);
        const fs = new Sampler(sp, model.size);
        fs.shape(fast, state, null, f);
        const slow = new Float64Array(model.size);
        model.distribution(prompt[step]!, prompt[step + 1]!, slow, ctx);
        const ss = new Sampler(sp, model.size);
        ss.shape(slow, state, null);
        for (let seed = 0; seed < 5; seed++) expect(fs.pick(fast, mulberry32(seed))).toBe(ss.pick(slow, mulberry32(seed)));
      }
    }
  });
});
