import { describe, expect, it } from "vitest";
import { corpusDocuments } from "../../model/corpus";
import { Tokenizer } from "../../model/tokenizer";
import { compileConstraint, compileConstraintUncached } from "./index";
import { mulberry32, PERSON_SCHEMA as person } from "./test-helpers";
import type { GuidedRequest } from "./index";

/**
 * Mask speed with the real tokenizer's 2,048-token vocabulary: allowed() + advance() steps per
 * second over random walks, with freshly compiled constraints (cold: compile time included, empty
 * mask caches) and a reused one (warm: what repeated requests get from the compile cache). The
 * assertion is deliberately loose (the machine is shared); the printed figures are the result.
 */
const vocab = Tokenizer.fromCorpus(corpusDocuments(), { maxVocab: 2048 });

function stepsPerSecond(request: GuidedRequest, walks: number, fresh: boolean): number {
  let steps = 0;
  const shared = compileConstraint(request, vocab)!;
  const t0 = performance.now();
  for (let w = 0; w < walks; w++) {
    const c = fresh ? compileConstraintUncached(request, vocab)! : shared;
    const m = c.matcher();
    const rng = mulberry32(w);
    for (let i = 0; i < 400 && !m.mustEnd(); i++) {
      const a = m.allowed({ closing: i >= 60 });
      if (a.eos && (a.ids.length === 0 || rng() < 0.05)) break;
      m.advance(a.ids[Math.floor(rng() * a.ids.length)]!);
      steps++;
    }
  }
  return steps / ((performance.now() - t0) / 1000);
}

describe("mask speed (2,048-token vocabulary)", () => {
  const cases: [string, GuidedRequest][] = [
    ["guided_json person", { guided_json: person }],
    ["json_object", { response_format: { type: "json_object" } }],
    ["guided_regex", { guided_regex: "The (model|answer) is [a-z ]{1,30}\\." }],
    ["guided_regex email", { guided_regex: "[a-z]+@[a-z]+\\.com" }],
    ["guided_choice", { guided_choice: ["positive", "negative", "neutral"] }],
  ];
  for (const [name, request] of cases) {
    it(name, () => {
      expect(vocab.pieces.length).toBe(2048);
      const cold = stepsPerSecond(request, 20, true);
      const warm = stepsPerSecond(request, 100, false);
      process.stdout.write(`[speed] ${name}: cold ${Math.round(cold)} steps/s, warm ${Math.round(warm)} steps/s\n`);
      expect(warm).toBeGreaterThan(1000);
    });
  }
});
