import { describe, expect, it } from "vitest";
import { moveHighlight } from "./Combobox";

describe("moveHighlight", () => {
  const n = 300;
  const page = 9;
  it("steps with the arrows and wraps at both ends", () => {
    expect(moveHighlight("ArrowDown", -1, n, page)).toBe(0);
    expect(moveHighlight("ArrowDown", 41, n, page)).toBe(42);
    expect(moveHighlight("ArrowDown", 299, n, page)).toBe(0);
    expect(moveHighlight("ArrowUp", -1, n, page)).toBe(299);
    expect(moveHighlight("ArrowUp", 0, n, page)).toBe(299);
    expect(moveHighlight("ArrowUp", 42, n, page)).toBe(41);
  });

  it("jumps a page with PageDown/PageUp and stops at the ends", () => {
    expect(moveHighlight("PageDown", -1, n, page)).toBe(9);
    expect(moveHighlight("PageDown", 10, n, page)).toBe(19);
    expect(moveHighlight("PageDown", 295, n, page)).toBe(299);
    expect(moveHighlight("PageUp", 19, n, page)).toBe(10);
    expect(moveHighlight("PageUp", 4, n, page)).toBe(0);
    expect(moveHighlight("PageUp", -1, n, page)).toBe(0);
  });

  it("goes to the ends with Home/End, also in a one-option list", () => {
    expect(moveHighlight("Home", 150, n, page)).toBe(0);
    expect(moveHighlight("End", 150, n, page)).toBe(299);
    expect(moveHighlight("End", -1, 1, page)).toBe(0);
    expect(moveHighlight("PageDown", 0, 1, page)).toBe(0);
    expect(moveHighlight("ArrowDown", 0, 1, page)).toBe(0);
  });
});
