import { describe, expect, it } from "vitest";
import { percentile, wilson } from "./stats";

describe("Wilson interval", () => {
  it("matches published values", () => {
    // 95 % Wilson intervals as tabulated by Newcombe (1998), Table I: 81/263, 15/148, 0/20, 1/29.
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, low, high] of cases) {
      const i = wilson(k, n)!;
      expect(i.low).toBeCloseTo(low, 4);
      expect(i.high).toBeCloseTo(high, 4);
    }
  });

  it("is not zero-width at 3 of 3 and stays inside [0, 1]", () => {
    const i = wilson(3, 3)!;
    expect(i.high).toBe(1);
    expect(i.low).toBeCloseTo(0.4385, 4);
    expect(wilson(0, 3)!.low).toBe(0);
  });

  it("is symmetric and null without trials", () => {
    const a = wilson(2, 9)!;
    const b = wilson(7, 9)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("percentile", () => {
  it("takes the nearest rank and skips missing values", () => {
    const xs = [5, 1, null, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(xs, 0.9)).toBe(9);
    expect(percentile(xs, 0.5)).toBe(5);
    expect(percentile(xs, 1)).toBe(10);
    expect(percentile([42], 0.9)).toBe(42);
    expect(percentile([null], 0.9)).toBeNull();
  });
});
