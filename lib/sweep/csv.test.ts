import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { csvField, toCsv } from "./csv";
import { expandGrid } from "./grid";
import { type CellResult, pendingResult, type SweepDefinition } from "./schema";

/** A strict RFC 4180 reader, to check what toCsv writes can be read back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) throw new Error("unclosed quote");
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      field = end === -1 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(field)) throw new Error(`bare special character in ${JSON.stringify(field)}`);
      i += field.length;
    }
    row.push(field);
    if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (text[i] === ",") i++;
    else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}

const session = emptySession("openai", "gpt-4o-mini");
const def: SweepDefinition = {
  version: 1,
  session,
  axes: [
    { kind: "param", param: "temperature", values: [0, 1] },
    { kind: "target", targets: [{ providerId: "custom", model: "llama3", baseUrl: "http://localhost:11434/v1" }] },
    { kind: "param", param: "stop", values: [["\n", "END"]] },
  ],
};
const { cells } = expandGrid(def);
const result = (extra: Partial<CellResult>): CellResult => ({ ...pendingResult(), ...extra });

describe("toCsv", () => {
  it("writes a header, one row per cell, and CRLF line ends", () => {
    const results = {
      "0-0-0": result({
        status: "done",
        text: 'She said "hi", then\nleft.',
        finishReason: "stop",
        ttftMs: 120.5,
        totalMs: 900,
        completionTokens: 12,
        schemaValid: true,
      }),
      "1-0-0": result({ status: "failed", error: { status: 429, message: "Rate limit, retry later" } }),
    };
    const csv = toCsv(def, cells, results);
    expect(csv).toBe(
      "temperature,provider,model,base_url,stop,status,text,finish_reason,ttft_ms,total_ms,completion_tokens,schema_valid,error\r\n" +
        `0,custom,llama3,http://localhost:11434/v1,"[""\\n"",""END""]",done,"She said ""hi"", then\nleft.",stop,120.5,900,12,true,\r\n` +
        `1,custom,llama3,http://localhost:11434/v1,"[""\\n"",""END""]",failed,,,,,,,"429 Rate limit, retry later"\r\n`,
    );
  });

  it("writes a cell without a result as pending", () => {
    const rows = parseCsv(toCsv(def, cells, {}));
    expect(rows.slice(1).map((r) => r[5])).toEqual(["pending", "pending"]);
  });

  it("keeps answers from becoming spreadsheet formulas unless told not to", () => {
    const results = {
      "0-0-0": result({ status: "done", text: '=HYPERLINK("http://x")' }),
      "1-0-0": result({ status: "failed", error: { status: null, message: "@fail" } }),
    };
    const guarded = parseCsv(toCsv(def, cells, results));
    expect(guarded[1]![6]).toBe('\'=HYPERLINK("http://x")');
    expect(guarded[2]![12]).toBe("'@fail");
    const raw = parseCsv(toCsv(def, cells, results, { guardFormulas: false }));
    expect(raw[1]![6]).toBe('=HYPERLINK("http://x")');
  });

  it("reads back field for field, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), fc.option(fc.nat()), (text, message, tokens) => {
        const results = { "1-0-0": result({ status: "done", text, completionTokens: tokens, error: { status: null, message } }) };
        const rows = parseCsv(toCsv(def, cells, results, { guardFormulas: false }));
        expect(rows).toHaveLength(3);
        expect(rows.every((r) => r.length === 13)).toBe(true);
        expect(rows[2]![6]).toBe(text);
        expect(rows[2]![10]).toBe(tokens === null ? "" : String(tokens));
        expect(rows[2]![12]).toBe(message);
      }),
      { numRuns: 300, seed: 4180 },
    );
  });
});

describe("csvField", () => {
  it("quotes only when it must", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvField("")).toBe("");
  });
});
