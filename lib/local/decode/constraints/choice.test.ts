import { describe, expect, it } from "vitest";
import { ApiError } from "../../../errors";
import { compileConstraint } from "./index";
import { randomWalk, testVocab } from "./test-helpers";

const vocab = testVocab();

describe("guided_choice", () => {
  const sets = [
    ["positive", "negative", "neutral"],
    ["The model", "The answer", "What", "A token"],
    ["a", "ab", "abc", ""],
    ["日本", "café", "x"],
    ["yes"],
  ];
  for (const choices of sets) {
    it(`always one of ${JSON.stringify(choices)}`, () => {
      const c = compileConstraint({ guided_choice: choices }, vocab)!;
      expect(c.kind).toBe("choice");
      const seen = new Set<string>();
      for (let seed = 0; seed < 80; seed++) {
        const { text } = randomWalk(c.matcher(), vocab, seed, seed % 4 === 0 ? 0 : 3);
        expect(choices).toContain(text);
        seen.add(text);
      }
      expect(seen.size).toBe(Math.min(choices.length, seen.size));
      if (choices.length > 1) expect(seen.size).toBeGreaterThan(1);
    });
  }

  it("spells a choice only a multi-character piece covers (日本 without a 本 token)", () => {
    const m = compileConstraint({ guided_choice: ["日本"] }, vocab)!.matcher();
    const a = m.allowed({ closing: true });
    expect(a.ids.map((id) => vocab.pieces[id])).toEqual(["日本"]);
  });

  it("400s on bad input, naming guided_choice", () => {
    for (const bad of [[], "x", [1], ["ok", "本"]]) {
      let err: unknown;
      try {
        compileConstraint({ guided_choice: bad }, vocab);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).param).toBe("guided_choice");
    }
  });
});
