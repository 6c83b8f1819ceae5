import { describe, expect, it } from "vitest";
import { BeamSearch, lengthScore, ReplaySource } from "./beam";
import { ChoiceGenerator, type GenerationSpec } from "./generate";
import { NgramModel } from "../model/ngram";
import { DEFAULT_SAMPLING } from "./sampler";
import { fakeChoiceConstraint } from "../test-support";
import { EOS_ID } from "../model/tokenizer";

/**
 * A crafted corpus where greedy decoding is a trap: "alpha" starts 60% of documents but is
 * followed by six equally likely words, while "beta" (40%) is always followed by " gamma".
 * Greedy takes "alpha …" (p ≈ 0.6 · 1/6), beam search finds "beta gamma" (p ≈ 0.4).
 */
const followers = ["one", "two", "three", "four", "five", "six"];
const docs = [...followers.map((w) => `alpha ${w}`), ...Array.from({ length: 4 }, () => "beta gamma")];
const model = NgramModel.train(docs, { maxVocab: 200, minCount: 1 });

function spec(over: Partial<GenerationSpec> = {}): GenerationSpec {
  return {
    model,
    context: model.contextTable([]),
    start: [EOS_ID, EOS_ID],
    promptSeen: new Set(),
    promptLength: 0,
    sampling: { ...DEFAULT_SAMPLING, temperature: 0 },
    maxTokens: 10,
    stop: [],
    constraint: null,
    topLogprobs: null,
    ...over,
  };
}

function textOf(src: { done: boolean; step(): { text: string } }): string {
  let t = "";
  while (!src.done) t += src.step().text;
  return t;
}

describe("beam search", () => {
  it("finds a higher-scoring sequence than greedy", () => {
    const greedy = textOf(new ChoiceGenerator(spec(), 1));
    expect(greedy.startsWith("alpha")).toBe(true);
    const results = new BeamSearch(spec(), { width: 3, lengthPenalty: 1, earlyStopping: false }).run();
    expect(results[0]!.text).toBe("beta gamma");
    expect(results[0]!.finish).toBe("stop");
    const greedyResult = results.find((r) => r.text === greedy);
    if (greedyResult) expect(results[0]!.score).toBeGreaterThan(greedyResult.score);
  });

  it("returns beams sorted by length-penalised score, each distinct", () => {
    const results = new BeamSearch(spec(), { width: 4, lengthPenalty: 1, earlyStopping: false }).run();
    expect(results.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    expect(new Set(results.slice(0, 4).map((r) => r.text)).size).toBe(4);
  });

  it("scores are sum / length^length_penalty", () => {
    expect(lengthScore(-6, 3, 1)).toBe(-2);
    expect(lengthScore(-6, 3, 0)).toBe(-6);
    expect(lengthScore(-4, 4, 0.5)).toBe(-2);
  });

  it("early_stopping ends the search as soon as width beams are finished", () => {
    const early = new BeamSearch(spec(), { width: 2, lengthPenalty: 1, earlyStopping: true });
    early.run();
    const full = new BeamSearch(spec({ maxTokens: 40 }), { width: 2, lengthPenalty: 1, earlyStopping: false });
    full.run();
    expect(early.steps).toBeLessThanOrEqual(full.steps);
  });

  it("respects max_tokens with finish_reason length", () => {
    const r = new BeamSearch(spec({ maxTokens: 1 }), { width: 2, lengthPenalty: 1, earlyStopping: false }).run();
    expect(r[0]!.finish).toBe("length");
    expect(r[0]!.length).toBe(1);
  });

  it("works under a constraint (each beam with its own matcher)", () => {
    const constraint = fakeChoiceConstraint(model.tokenizer, ["alpha six", "gamma"]);
    const r = new BeamSearch(spec({ constraint }), { width: 2, lengthPenalty: 1, earlyStopping: false }).run();
    for (const b of r) expect(["alpha six", "gamma"]).toContain(b.text);
  });

  it("replays a finished beam token by token with the same text", () => {
    const [best] = new BeamSearch(spec(), { width: 3, lengthPenalty: 1, earlyStopping: false }).run();
    const replay = new ReplaySource(best!);
    expect(textOf(replay)).toBe(best!.text);
    expect(replay.generated).toBe(best!.length);
  });
});
