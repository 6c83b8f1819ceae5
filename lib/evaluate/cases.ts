/**
 * Cases for an evaluation: rows of variable values, pasted or loaded as CSV, TSV or JSON Lines.
 * A bad row is reported by its line number and left out; the good ones are kept. A column (or
 * JSON key) named `expected` is the expected answer, not a variable.
 */
export const MAX_CASES = 1000;
export const EXPECTED = "expected";

export interface EvalCase {
  /** Line of the source where the row starts (1-based), for messages. */
  line: number;
  vars: Record<string, string>;
  expected?: string;
}

export interface CaseProblem {
  line: number;
  message: string;
}

export type CaseFormat = "csv" | "tsv" | "jsonl";

export interface ParsedCases {
  format: CaseFormat | null;
  /** Variable columns, in order (without `expected`). */
  columns: string[];
  hasExpected: boolean;
  cases: EvalCase[];
  problems: CaseProblem[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The format a text is in: JSON Lines when its first line is an object, TSV when that line has a tab. */
export function detectFormat(text: string): CaseFormat | null {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== "");
  if (first === undefined) return null;
  if (first.trim().startsWith("{")) return "jsonl";
  return first.includes("\t") ? "tsv" : "csv";
}

export function parseCases(text: string, format: CaseFormat | null = detectFormat(text)): ParsedCases {
  if (format === null) return { format, columns: [], hasExpected: false, cases: [], problems: [] };
  return format === "jsonl" ? parseJsonl(text) : parseDelimited(text, format === "tsv" ? "\t" : ",", format);
}

interface DelimitedRecord {
  line: number;
  fields: string[];
  error?: string;
}

/**
 * RFC 4180 records: a field in double quotes may hold the delimiter, line breaks and doubled
 * quotes. A record with an unclosed quote, or text after a closing quote, is an error of its own.
 */
export function splitRecords(text: string, delimiter: string): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = "";
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= text.length) {
            error ??= `the quote opened on line ${quoteLine} is never closed`;
            break;
          }
          const c = text[i]!;
          if (c === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === "\n") line++;
            field += c;
            i++;
          }
        }
        while (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          error ??= "text after a closing quote (a quote inside a field is written twice)";
          i++;
        }
      } else {
        while (i < text.length && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          if (text[i] === '"') error ??= "a quote inside an unquoted field (quote the whole field and write the quote twice)";
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === "\r") i++;
      if (text[i] === "\n") {
        i++;
        line++;
      }
      break;
    }
    const blank = fields.length === 1 && fields[0]!.trim() === "";
    if (!blank || error) records.push({ line: start, fields, ...(error ? { error } : {}) });
  }
  return records;
}

function parseDelimited(text: string, delimiter: string, format: CaseFormat): ParsedCases {
  const [header, ...rows] = splitRecords(text, delimiter);
  const problems: CaseProblem[] = [];
  if (!header) return { format, columns: [], hasExpected: false, cases: [], problems };
  if (header.error)
    return {
      format,
      columns: [],
      hasExpected: false,
      cases: [],
      problems: [{ line: header.line, message: `Line ${header.line} (the header): ${header.error}.` }],
    };
  const names = header.fields.map((f) => f.trim());
  const headerProblem = checkHeader(names, header.line);
  if (headerProblem) return { format, columns: [], hasExpected: false, cases: [], problems: [headerProblem] };
  const cases: EvalCase[] = [];
  for (const row of rows) {
    if (cases.length >= MAX_CASES) {
      problems.push(tooMany(row.line));
      break;
    }
    if (row.error) {
      problems.push({ line: row.line, message: `Line ${row.line}: ${row.error}.` });
      continue;
    }
    if (row.fields.length !== names.length) {
      problems.push({
        line: row.line,
        message: `Line ${row.line}: ${row.fields.length} field${row.fields.length === 1 ? "" : "s"}; the header has ${names.length}.`,
      });
      continue;
    }
    cases.push(
      caseOf(
        row.line,
        names.map((n, j) => [n, row.fields[j]!]),
      ),
    );
  }
  return { format, columns: names.filter((n) => n !== EXPECTED), hasExpected: names.includes(EXPECTED), cases, problems };
}

function checkHeader(names: string[], line: number): CaseProblem | null {
  const bad = names.find((n) => !NAME.test(n));
  if (bad !== undefined)
    return {
      line,
      message: `Line ${line} (the header): '${bad}' is not a variable name (letters, digits and _, not starting with a digit).`,
    };
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) return { line, message: `Line ${line} (the header): column '${dup}' appears twice.` };
  return null;
}

function tooMany(line: number): CaseProblem {
  return { line, message: `Only the first ${MAX_CASES} cases are kept; line ${line} and the ones after it were left out.` };
}

function caseOf(line: number, entries: [string, string][]): EvalCase {
  const vars: Record<string, string> = {};
  let expected: string | undefined;
  for (const [k, v] of entries) {
    if (k === EXPECTED) expected = v;
    else vars[k] = v;
  }
  return expected === undefined ? { line, vars } : { line, vars, expected };
}

/** A JSON value as a variable's text: strings as they are, anything else as JSON ("" for null). */
function valueText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null) return "";
  return JSON.stringify(v);
}

function parseJsonl(text: string): ParsedCases {
  const columns: string[] = [];
  const cases: EvalCase[] = [];
  const problems: CaseProblem[] = [];
  let hasExpected = false;
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === "") continue;
    if (cases.length >= MAX_CASES) {
      problems.push(tooMany(line));
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ line, message: `Line ${line}: not valid JSON (${(e as Error).message}).` });
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ line, message: `Line ${line}: a case is a JSON object of variable values.` });
      continue;
    }
    const keys = Object.keys(value);
    const bad = keys.find((k) => !NAME.test(k));
    if (bad !== undefined) {
      problems.push({ line, message: `Line ${line}: '${bad}' is not a variable name (letters, digits and _, not starting with a digit).` });
      continue;
    }
    for (const k of keys) {
      if (k === EXPECTED) hasExpected = true;
      else if (!columns.includes(k)) columns.push(k);
    }
    cases.push(
      caseOf(
        line,
        Object.entries(value).map(([k, v]) => [k, valueText(v)]),
      ),
    );
  }
  return { format: "jsonl", columns, hasExpected, cases, problems };
}
