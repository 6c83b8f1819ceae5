import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BlockCache, splitBlocks, splitGrowing } from "./blocks";

describe("splitBlocks", () => {
  it("cuts at blank lines, dropping them", () => {
    expect(splitBlocks("# T\n\npara one\nline two\n\n\n> quote\n")).toEqual(["# T", "para one\nline two", "> quote"]);
    expect(splitBlocks("")).toEqual([]);
    expect(splitBlocks("\n\n  \n")).toEqual([]);
  });

  it("never cuts inside a fenced code block, closed or not", () => {
    expect(splitBlocks("```js\na\n\nb\n```\n\nafter")).toEqual(["```js\na\n\nb\n```", "after"]);
    expect(splitBlocks("~~~~\n```\n\nx\n~~~~\n\ny")).toEqual(["~~~~\n```\n\nx\n~~~~", "y"]);
    expect(splitBlocks("text\n\n```py\nx = 1\n\ny = 2")).toEqual(["text", "```py\nx = 1\n\ny = 2"]);
  });

  it("takes ``` followed by a backtick on the same line as inline code, not a fence", () => {
    expect(splitBlocks("```a``` b\n\nc")).toEqual(["```a``` b", "c"]);
  });

  it("keeps a list whole across blank lines between its items", () => {
    expect(splitBlocks("Steps:\n1. one\n\n2. two\n\n- three\n\nafter")).toEqual(["Steps:\n1. one\n\n2. two\n\n- three", "after"]);
  });

  it("keeps indented lines after a blank line with their block (list item content, indented code)", () => {
    expect(splitBlocks("- item\n\n  more of the item\n\n      code\n\nnext")).toEqual([
      "- item\n\n  more of the item\n\n      code",
      "next",
    ]);
  });

  it("cuts before a list that follows a paragraph after a blank line", () => {
    expect(splitBlocks("para\n\n- a\n- b")).toEqual(["para", "- a\n- b"]);
  });

  it("keeps text with a link reference or footnote definition whole", () => {
    const text = "See [the docs][d] and a note[^1].\n\nMore.\n\n[d]: https://example.org\n[^1]: The note.";
    expect(splitBlocks(text)).toEqual([text]);
  });
});

describe("splitGrowing", () => {
  it("keeps the earlier blocks as the same objects while the text grows", () => {
    const a = splitGrowing("one\n\ntwo", null);
    const b = splitGrowing("one\n\ntwo more\n\nthree", a);
    expect(b.blocks.map((x) => x.src)).toEqual(["one", "two more", "three"]);
    expect(b.blocks[0]).toBe(a.blocks[0]);
    expect(splitGrowing(b.text, b)).toBe(b);
  });

  it("splits a text that does not extend the previous one afresh", () => {
    const a = splitGrowing("one\n\ntwo", null);
    expect(splitGrowing("other", a).blocks.map((x) => x.src)).toEqual(["other"]);
  });

  it("fed any text in any pieces, ends with the blocks of the whole text", () => {
    const alphabet = ["a", " ", "\n", "\n\n", "- ", "1. ", "```", "~~~", "  ", "[x]: u", "`", "*"];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }), (t, sizes) => {
        let cache: BlockCache | null = null;
        for (let at = 0, k = 0; at < t.length; k++) {
          at = Math.min(t.length, at + (sizes[k % sizes.length] ?? 1));
          cache = splitGrowing(t.slice(0, at), cache);
          expect(cache.blocks.map((b) => b.src)).toEqual(splitBlocks(t.slice(0, at)));
        }
      }),
    );
  });

  it("gives each block's start offset in the whole text", () => {
    const text = "a\n\n```\nb\n\nc\n```\n\nd";
    for (const b of splitGrowing(text, null).blocks) expect(text.slice(b.start, b.start + b.src.length)).toBe(b.src);
  });
});
