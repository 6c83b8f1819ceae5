import { describe, expect, it } from "vitest";
import { findPrice, type PriceEntry } from "../pricing/prices";
import { emptySession } from "../session/empty";
import { costFigure } from "../compare/results";
import { sweepCost } from "./cost";
import type { GridCell } from "./grid";
import { pendingResult } from "./schema";

const table: PriceEntry[] = [{ providerId: "openai", model: "", input: 1, output: 2 }];
const priceOf = (p: string, m: string) => findPrice(table, p, m);
const cell = (key: string, providerId: "openai" | "local"): GridCell => ({
  key,
  coords: [0],
  label: key,
  session: emptySession(providerId, "m"),
});

describe("costs at the user's prices", () => {
  it("a sweep sums its finished, priced cells and counts the others", () => {
    const cells = [cell("a", "openai"), cell("b", "openai"), cell("c", "local"), cell("d", "openai")];
    const results = {
      a: { ...pendingResult(), status: "done" as const, promptTokens: 1000, completionTokens: 500 },
      b: { ...pendingResult(), status: "done" as const, completionTokens: 1000 },
      c: { ...pendingResult(), status: "done" as const, promptTokens: 10, completionTokens: 10 },
      d: { ...pendingResult(), status: "failed" as const },
    };
    expect(sweepCost(cells, results, priceOf)).toEqual({ dollars: (1000 * 1 + 500 * 2 + 1000 * 2) / 1e6, priced: 2, unpriced: 1 });
    expect(sweepCost([cells[2]!], results, priceOf)).toBeNull();
  });

  it("compare gives the median cost per run with its spread", () => {
    const sample = (p: number | null, c: number | null, failed = false) => ({
      ttftMs: 1,
      totalMs: 1,
      tokensPerSecond: 1,
      promptTokens: p,
      completionTokens: c,
      finishReason: "stop",
      answerLength: 1,
      schemaHeld: null,
      failed,
    });
    const f = costFigure([sample(1000, 0), sample(2000, 0), sample(3000, 1000), sample(null, null), sample(9e9, 9e9, true)], {
      input: 1,
      output: 1,
    });
    expect(f).toEqual({ median: 0.002, min: 0.001, max: 0.004, n: 3 });
    expect(costFigure([sample(1, 1)], null)).toBeNull();
  });
});
