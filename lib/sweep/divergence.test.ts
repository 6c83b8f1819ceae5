import { describe, expect, it } from "vitest";
import { firstDivergence } from "./divergence";

const t = (...tokens: string[]) => tokens.map((token) => ({ token }));

describe("firstDivergence", () => {
  it("finds the first token that differs, the end of a prefix, or none", () => {
    expect(firstDivergence(t("The", " cat", " sat"), t("The", " dog", " sat"))).toBe(1);
    expect(firstDivergence(t("The", " cat"), t("The", " cat", " sat"))).toBe(2);
    expect(firstDivergence(t("A"), t("B"))).toBe(0);
    expect(firstDivergence(t("same", " text"), t("same", " text"))).toBeNull();
    expect(firstDivergence([], [])).toBeNull();
  });
});
