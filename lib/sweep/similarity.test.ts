import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CellResult, pendingResult } from "./schema";
import { distinctCount, jaccard, meanPairwiseSimilarity, median, passRate, summarizeLine, wordSet, wordSimilarity } from "./similarity";

const done = (text: string, extra: Partial<CellResult> = {}): CellResult => ({ ...pendingResult(), status: "done", text, ...extra });

describe("word similarity (Jaccard over lowercase word sets)", () => {
  it("splits on anything but letters, digits and inner apostrophes, in any script", () => {
    expect([...wordSet("Hello, hello WORLD! Don't stop: 42 times; Ünïcode 日本")]).toEqual([
      "hello",
      "world",
      "don't",
      "stop",
      "42",
      "times",
      "ünïcode",
      "日本",
    ]);
  });

  it("scores shared words over all words", () => {
    expect(wordSimilarity("The cat sat", "the cat ran")).toBe(2 / 4);
    expect(wordSimilarity("Yes.", "yes")).toBe(1);
    expect(wordSimilarity("yes", "no")).toBe(0);
    expect(wordSimilarity("", "  ")).toBe(1);
    expect(wordSimilarity("", "word")).toBe(0);
  });

  it("is symmetric, in [0, 1], and 1 for a text with itself", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = wordSimilarity(a, b);
        expect(s).toBe(wordSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(wordSimilarity(a, a)).toBe(1);
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it("averages over all pairs", () => {
    // pairs: (a,b) = 1, (a,c) = 0, (b,c) = 0
    expect(meanPairwiseSimilarity(["red blue", "blue red", "green"])).toBeCloseTo(1 / 3);
    expect(meanPairwiseSimilarity(["one"])).toBeNull();
    expect(meanPairwiseSimilarity([])).toBeNull();
    expect(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"]))).toBe(0.5);
  });
});

describe("distinctCount, median, passRate", () => {
  it("counts answers differing only in whitespace as one", () => {
    expect(distinctCount(["Paris", "Paris\n", " Paris", "paris", "Paris,  France", "Paris, France"])).toBe(3);
    expect(distinctCount([])).toBe(0);
  });

  it("takes the median of finite numbers, skipping nulls", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 7, undefined, Number.NaN])).toBe(7);
    expect(median([])).toBeNull();
    expect(median([null])).toBeNull();
  });

  it("rates schema passes over checked cells only", () => {
    expect(passRate([{ schemaValid: true }, { schemaValid: false }, { schemaValid: null }, { schemaValid: true }])).toBeCloseTo(2 / 3);
    expect(passRate([{ schemaValid: null }])).toBeNull();
    expect(passRate([])).toBeNull();
  });
});

describe("summarizeLine", () => {
  it("gives every figure from the finished cells", () => {
    const cells: CellResult[] = [
      done('{"a": 1}', { totalMs: 300, ttftMs: 100, schemaValid: true }),
      done('{"a": 1}', { totalMs: 100, ttftMs: 50, schemaValid: true }),
      done("not json", { totalMs: 200, ttftMs: null, schemaValid: false }),
      { ...pendingResult(), status: "failed", error: { status: 429, message: "Rate limited" }, totalMs: 5 },
      pendingResult(),
    ];
    expect(summarizeLine(cells)).toEqual({
      cells: 5,
      done: 3,
      failed: 1,
      distinct: 2,
      meanSimilarity: (1 + 0 + 0) / 3,
      medianTotalMs: 200,
      medianTtftMs: 75,
      passRate: 2 / 3,
      schemaChecked: 3,
    });
  });

  it("has no figures before anything finished", () => {
    expect(summarizeLine([pendingResult(), { ...pendingResult(), status: "running" }])).toEqual({
      cells: 2,
      done: 0,
      failed: 0,
      distinct: null,
      meanSimilarity: null,
      medianTotalMs: null,
      medianTtftMs: null,
      passRate: null,
      schemaChecked: 0,
    });
  });
});
