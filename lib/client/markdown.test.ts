import { describe, expect, it } from "vitest";
import { parseBlock, parseInline, splitBlocks, splitGrowing } from "./markdown";

describe("markdown", () => {
  it("splits blocks on blank lines but not inside fences", () => {
    expect(splitBlocks("# T\n\npara one\nline two\n\n```js\na\n\nb\n```\nafter")).toEqual([
      "# T",
      "para one\nline two",
      "```js\na\n\nb\n```",
      "after",
    ]);
  });

  it("parses headings, lists, code, quotes", () => {
    expect(parseBlock("## Hi")).toEqual({ t: "heading", level: 2, c: [{ t: "text", v: "Hi" }] });
    expect(parseBlock("1. a\n2. b")).toMatchObject({ t: "list", ordered: true, items: [[{ v: "a" }], [{ v: "b" }]] });
    expect(parseBlock("```py\nx=1")).toEqual({ t: "code", lang: "py", v: "x=1" });
    expect(parseBlock("> q")).toMatchObject({ t: "quote" });
  });

  it("parses inline spans and only safe links", () => {
    expect(parseInline("a **b** *c* `d` [e](https://x.org)")).toEqual([
      { t: "text", v: "a " },
      { t: "strong", c: [{ t: "text", v: "b" }] },
      { t: "text", v: " " },
      { t: "em", c: [{ t: "text", v: "c" }] },
      { t: "text", v: " " },
      { t: "code", v: "d" },
      { t: "text", v: " " },
      { t: "link", href: "https://x.org", c: [{ t: "text", v: "e" }] },
    ]);
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ t: "text", v: "[x](javascript:alert(1))" }]);
    expect(parseInline("2 * 3 * 4")).toEqual([{ t: "text", v: "2 * 3 * 4" }]);
  });
});

describe("splitGrowing", () => {
  it("re-splits only the tail and matches a full split", () => {
    const full = "# Title\n\nFirst para.\n\n```\ncode\n\nmore\n```\n\n- a\n- b\n\nlast *em*";
    let cache = null as ReturnType<typeof splitGrowing> | null;
    for (let i = 1; i <= full.length; i += 3) {
      const next = splitGrowing(full.slice(0, i), cache);
      if (cache && next.blocks.length > 1 && cache.blocks.length > 1) {
        expect(next.blocks[0]).toBe(cache.blocks[0]);
      }
      cache = next;
      expect(next.blocks.map((b) => b.src)).toEqual(splitBlocks(full.slice(0, i)));
    }
  });
});

describe("long text", () => {
  it("parses a 200,000-character paragraph in linear time", () => {
    const para = "word *maybe* `x` https://example.org/a 2 * 3 ".repeat(4_500);
    const t0 = performance.now();
    const out = parseInline(para);
    expect(performance.now() - t0).toBeLessThan(1_500); // generous: a shared CI machine
    expect(out.filter((n) => n.t === "em")).toHaveLength(4_500);
  });
});
