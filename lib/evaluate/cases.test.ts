import { describe, expect, it } from "vitest";
import { detectFormat, MAX_CASES, parseCases, splitRecords } from "./cases";

describe("CSV cases", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF", () => {
    const text = 'topic,expected\r\n"tides, and moons","say ""hi"""\r\n"two\nlines",x\nplain,\n';
    const r = parseCases(text);
    expect(r.format).toBe("csv");
    expect(r.columns).toEqual(["topic"]);
    expect(r.hasExpected).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.cases).toEqual([
      { line: 2, vars: { topic: "tides, and moons" }, expected: 'say "hi"' },
      { line: 3, vars: { topic: "two\nlines" }, expected: "x" },
      { line: 5, vars: { topic: "plain" }, expected: "" },
    ]);
  });

  it("reports bad rows by line and keeps the good ones", () => {
    const text = ["a,b", "1,2", "only-one", '"x"y,2', 'in"side,2', "3,4", '"never closed,5'].join("\n");
    const r = parseCases(text);
    expect(r.cases.map((c) => c.vars)).toEqual([
      { a: "1", b: "2" },
      { a: "3", b: "4" },
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5, 7]);
    expect(r.problems[0]!.message).toBe("Line 3: 1 field; the header has 2.");
    expect(r.problems[1]!.message).toContain("after a closing quote");
    expect(r.problems[2]!.message).toContain("quote inside an unquoted field");
    expect(r.problems[3]!.message).toContain("quote opened on line 7 is never closed");
  });

  it("skips blank lines and counts lines across quoted line breaks", () => {
    const r = parseCases('q\n\n"a\n\nb"\n\nbad,row\n');
    expect(r.cases).toEqual([{ line: 3, vars: { q: "a\n\nb" } }]);
    expect(r.problems).toEqual([{ line: 7, message: "Line 7: 2 fields; the header has 1." }]);
  });

  it("refuses a header that is not a set of variable names", () => {
    expect(parseCases("a,a\n1,2").problems[0]!.message).toContain("'a' appears twice");
    expect(parseCases("my topic\nx").problems[0]!.message).toContain("'my topic' is not a variable name");
    expect(parseCases("my topic\nx").cases).toEqual([]);
  });

  it("reads TSV when the header has a tab", () => {
    expect(detectFormat("a\tb\n1\t2")).toBe("tsv");
    const r = parseCases('a\tb\n"x\ty"\t2\n1,5\t3');
    expect(r.cases.map((c) => c.vars)).toEqual([
      { a: "x\ty", b: "2" },
      { a: "1,5", b: "3" },
    ]);
  });

  it(`keeps at most ${MAX_CASES} cases and says where it stopped`, () => {
    const text = ["n", ...Array.from({ length: MAX_CASES + 5 }, (_, i) => String(i))].join("\n");
    const r = parseCases(text);
    expect(r.cases).toHaveLength(MAX_CASES);
    expect(r.problems).toEqual([
      {
        line: MAX_CASES + 2,
        message: `Only the first ${MAX_CASES} cases are kept; line ${MAX_CASES + 2} and the ones after it were left out.`,
      },
    ]);
  });

  it("splitRecords keeps a trailing empty field", () => {
    expect(splitRecords("a,\n", ",")).toEqual([{ line: 1, fields: ["a", ""] }]);
  });
});

describe("JSONL cases", () => {
  it("reads objects, turns non-string values into text and takes expected apart", () => {
    const text = '{"topic":"tides","n":3,"expected":"yes"}\n\n{"topic":"moons","extra":{"x":[1]},"flag":null}\n';
    const r = parseCases(text);
    expect(r.format).toBe("jsonl");
    expect(r.columns).toEqual(["topic", "n", "extra", "flag"]);
    expect(r.hasExpected).toBe(true);
    expect(r.cases).toEqual([
      { line: 1, vars: { topic: "tides", n: "3" }, expected: "yes" },
      { line: 3, vars: { topic: "moons", extra: '{"x":[1]}', flag: "" } },
    ]);
  });

  it("reports lines that are not JSON objects or use bad names, keeping the rest", () => {
    const text = ['{"a":"1"}', "{not json", "[1,2]", '"text"', '{"bad key":1}', '{"a":"2"}'].join("\n");
    const r = parseCases(text);
    expect(r.cases.map((c) => c.vars.a)).toEqual(["1", "2"]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(r.problems[0]!.message).toMatch(/^Line 2: not valid JSON/);
    expect(r.problems[1]!.message).toBe("Line 3: a case is a JSON object of variable values.");
  });

  it("an empty text has no format and no cases", () => {
    expect(parseCases("  \n\n")).toEqual({ format: null, columns: [], hasExpected: false, cases: [], problems: [] });
  });
});
