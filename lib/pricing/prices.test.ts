import { describe, expect, it } from "vitest";
import { costOf, findPrice, formatCost, PRICES_KEY, type PriceEntry } from "./prices";
import { loadPrices, savePrices } from "./storage";

const table: PriceEntry[] = [
  { providerId: "openai", model: "gpt-4o-mini", input: 0.15, output: 0.6 },
  { providerId: "openai", model: "", input: 2.5, output: 10 },
  { providerId: "local", model: "local-ngram", input: 0, output: 0 },
];

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

describe("price table", () => {
  it("finds a model's own price, else its provider's catch-all, else none", () => {
    expect(findPrice(table, "openai", "gpt-4o-mini")).toEqual({ input: 0.15, output: 0.6 });
    expect(findPrice(table, "openai", "gpt-4.1")).toEqual({ input: 2.5, output: 10 });
    expect(findPrice(table, "local", "local-ngram")).toEqual({ input: 0, output: 0 });
    expect(findPrice(table, "horay", "x")).toBeNull();
    expect(findPrice(table, "local", "other")).toBeNull();
  });

  it("costs per million tokens, and formats small sums with more digits", () => {
    expect(costOf(2_000_000, 1_000_000, { input: 0.15, output: 0.6 })).toBeCloseTo(0.9, 12);
    expect(costOf(null, 1000, { input: 1, output: 2 })).toBe(0.002);
    expect(formatCost(0.002)).toBe("$0.002000");
    expect(formatCost(1.5)).toBe("$1.5000");
  });

  it("round-trips through storage; damaged data is a notice, and negative prices are refused", () => {
    const s = new MemoryStorage();
    expect(savePrices(s, table)).toBeNull();
    expect(loadPrices(s).entries).toEqual(table);
    s.data.set(PRICES_KEY, "[{}]");
    expect(loadPrices(s)).toEqual({ entries: [], notice: "The saved price table could not be used; it is left as it was." });
    expect(savePrices(s, [{ providerId: "openai", model: "", input: -1, output: 0 }])).toMatch(/^Could not save the price table/);
  });
});
