import { describe, expect, it } from "vitest";
import { ApiError } from "../../../errors";
import { compileConstraint } from "./index";
import { randomWalk, testVocab } from "./test-helpers";

const vocab = testVocab();

const PATTERNS = [
  "[0-9]{4}-[0-9]{2}-[0-9]{2}",
  "(yes|no)",
  "[a-z]+@[a-z]+\\.com",
  "The (model|answer) is [a-z ]{1,30}\\.",
  "\\d{3}-\\d{4}",
  "[A-Z][a-z]*( [A-Z][a-z]*){0,3}",
  "(ab|cd)*e?",
  "a{2,5}b{0,}c?",
  '[^"\\n]{0,20}',
  ".{1,12}",
  "\\w+\\s\\w+",
  "(?:0|[1-9][0-9]*)(\\.[0-9]+)?",
  "(?<word>[a-z]{2,4})-x",
  "^[a-c]+$",
  "x|",
  "[\\u00e9-\\u00ff]{1,3}z",
  "café|日本",
  '\\{"k": (true|false)\\}',
  "[-+]?[0-9]+",
  "a.b|c[]d|e",
];

describe("guided_regex", () => {
  for (const pattern of PATTERNS) {
    it(`random walks fully match /${pattern}/`, () => {
      const re = new RegExp(`^(?:${pattern.replace(/^\^/, "").replace(/\$$/, "")})$`);
      const c = compileConstraint({ guided_regex: pattern }, vocab)!;
      expect(c.kind).toBe("regex");
      for (let seed = 0; seed < 60; seed++) {
        const { text } = randomWalk(c.matcher(), vocab, seed, seed % 3 === 0 ? 0 : 8 + (seed % 20));
        expect(re.test(text), `${JSON.stringify(text)} against /${pattern}/`).toBe(true);
      }
    });
  }

  it("refuses what a finite automaton cannot do, naming it", () => {
    const cases: [string, RegExp][] = [
      ["a(?=b)", /look-ahead "\(\?="/],
      ["a(?!b)", /look-ahead "\(\?!"/],
      ["(?<=a)b", /look-behind/],
      ["(a)\\1", /back-reference "\\1"/],
      ["(?<x>a)\\k<x>", /back-reference/],
      ["\\bword", /word boundary/],
      ["(unclosed", /missing "\)"/],
      ["a**", /nothing to repeat/],
      ["[z-a]", /out of order/],
      ["a{3,2}", /out of order/],
      ["a^b", /anchor/],
      ["\\p{L}", /property escape/],
      ["a{2000}", /above/],
    ];
    for (const [pattern, message] of cases) {
      let err: unknown;
      try {
        compileConstraint({ guided_regex: pattern }, vocab);
      } catch (e) {
        err = e;
      }
      expect(err, pattern).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(400);
      expect((err as ApiError).param).toBe("guided_regex");
      expect((err as ApiError).message, pattern).toMatch(message);
    }
  });

  it("refuses a pattern nothing can match or the vocabulary cannot spell", () => {
    expect(() => compileConstraint({ guided_regex: "[]" }, vocab)).toThrow(/no output can match/);
    expect(() => compileConstraint({ guided_regex: "本" }, vocab)).toThrow(/no output can match/);
  });

  it("allows eos exactly when the output is a full match, and mustEnd when nothing can follow", () => {
    const m = compileConstraint({ guided_regex: "ab?" }, vocab)!.matcher();
    expect(m.allowed().eos).toBe(false);
    m.advance(vocab.pieces.indexOf("a"));
    expect(m.allowed().eos).toBe(true);
    expect(m.mustEnd()).toBe(false);
    const other = m.clone();
    m.advance(vocab.pieces.indexOf("b"));
    expect(m.mustEnd()).toBe(true);
    expect(other.mustEnd()).toBe(false);
    expect(() => other.advance(vocab.pieces.indexOf("c"))).toThrow(/not allowed/);
  });
});
