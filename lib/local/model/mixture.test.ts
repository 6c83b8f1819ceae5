import { describe, expect, it } from "vitest";
import { MixtureSampler } from "./mixture";
import { localModel } from "./model";
import { mulberry32 } from "../decode/rng";
import { applyBias } from "../decode/sampler";

/** The fast path must sample exactly the dense distribution (bias included). */
const model = localModel();
const prompt = model.tokenizer.encode("How does the seed make the answer repeatable?");
const ctx = model.contextTable([prompt]);

function compare(a: number, b: number, bias: Map<number, number>) {
  const dense = new Float64Array(model.size);
  model.distribution(a, b, dense, ctx);
  applyBias(dense, bias);
  const total = dense.reduce((x, y) => x + y, 0);
  const sampler = new MixtureSampler(model, bias);
  const rng = mulberry32(9);
  const draws = 40000;
  const counts = new Map<number, number>();
  for (let i = 0; i < draws; i++) {
    const id = sampler.sample(a, b, ctx, rng);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  expect(counts.has(-1)).toBe(false);
  // Every token with at least 2% of the mass is drawn within 4 standard deviations of it.
  for (let id = 0; id < model.size; id++) {
    const p = dense[id]! / total;
    const f = (counts.get(id) ?? 0) / draws;
    if (p > 0.02) expect(Math.abs(f - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / draws));
    if (p === 0) expect(f).toBe(0);
  }
}

describe("mixture sampler (fast path)", () => {
  it("draws the dense distribution", () => {
    compare(0, 0, new Map());
    compare(prompt[2]!, prompt[3]!, new Map());
  });

  it("applies logit_bias exactly, bans included", () => {
    const likely = (() => {
      const d = new Float64Array(model.size);
      model.distribution(prompt[0]!, prompt[1]!, d, ctx);
      return [...d.keys()].sort((x, y) => d[y]! - d[x]!);
    })();
    compare(
      prompt[0]!,
      prompt[1]!,
      new Map([
        [likely[0]!, -100],
        [likely[1]!, 1.5],
        [likely[40]!, 4],
      ]),
    );
    compare(0, 0, new Map([[0, -100]]));
  });
});
