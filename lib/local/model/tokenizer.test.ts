import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localModel } from "./model";
import { EOS_ID, preTokenize, Tokenizer } from "./tokenizer";

const tok = localModel().tokenizer;

describe("tokenizer", () => {
  it("round-trips any text exactly, non-ASCII, emoji and lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        expect(tok.decode(tok.encode(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
    for (const s of ["", " ", "héllo wörld — “quotes”", "😀🎉 family 👨‍👩‍👧", "\ud800x\udfff", "\u0000\u0001\t\r\n", "a  b\n\n  c"]) {
      expect(tok.decode(tok.encode(s))).toBe(s);
    }
  });

  it("pre-tokenization loses nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 100 }), (s) => {
        expect(preTokenize(s).join("")).toBe(s);
      }),
    );
  });

  it("has every printable ASCII character, tab and newline as a single token", () => {
    for (let c = 32; c < 127; c++) {
      const ch = String.fromCharCode(c);
      expect(tok.idOf(ch)).toBeDefined();
      expect(tok.pieces[tok.idOf(ch)!]).toBe(ch);
    }
    expect(tok.idOf("\n")).toBeDefined();
    expect(tok.idOf("\t")).toBeDefined();
  });

  it("keeps a moderate vocabulary with EOS at id 0 and frequent words as whole tokens", () => {
    expect(tok.size).toBeGreaterThan(500);
    expect(tok.size).toBeLessThanOrEqual(4096);
    expect(tok.pieces[EOS_ID]).toBe("");
    expect(tok.eosId).toBe(EOS_ID);
    const ids = tok.encode("The temperature of the model");
    expect(ids.map((i) => tok.piece(i))).toEqual(["The", " temperature", " of", " the", " model"]);
  });

  it("gives characters outside the vocabulary an extended id that decodes back", () => {
    const [id] = tok.encode("😀");
    expect(id).toBe(tok.size + 0x1f600);
    expect(tok.piece(id!)).toBe("😀");
    expect(tok.isValidId(id!)).toBe(true);
    expect(tok.isValidId(-1)).toBe(false);
  });

  it("builds its vocabulary deterministically and within the cap", () => {
    const docs = ["one two three two one", "three three two"];
    const a = Tokenizer.fromCorpus(docs, { maxVocab: 120 });
    const b = Tokenizer.fromCorpus(docs, { maxVocab: 120 });
    expect(a.pieces).toEqual(b.pieces);
    expect(a.size).toBeLessThanOrEqual(120);
    expect(a.idOf(" two")).toBeDefined();
  });
});
