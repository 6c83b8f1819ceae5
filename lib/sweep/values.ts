import { PARAMS, type ParamKind, type ParamName } from "../params/catalog";
import { MAX_CELLS } from "./schema";

/**
 * What a user types for an axis, turned into the values it stands for. The syntax depends on
 * the parameter's kind in the catalogue:
 * - number, integer: "0, 0.5, 1" lists and "a..b" ranges, mixed freely ("0, 0.5..1 step 0.25").
 *   Ranges are inclusive when the step lands on b; without a step they count by 1, so only
 *   whole-number ends may leave it out ("1..5").
 * - boolean: "true, false". choice: "none, auto" (commas or lines).
 * - string: one value per line (guided_regex often holds commas).
 * - stringList, json: a JSON array, one element per value ([{"type":"object"}, {...}]).
 * Any kind also takes a JSON array, so every value can be written somehow.
 */
export type ParseResult = { ok: true; values: unknown[] } | { ok: false; error: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const RANGE = /^(.*?)\.\.(.*?)(?:\s+step\s+(.*))?$/i;

export function parseAxisValues(param: ParamName, text: string, maxValues = MAX_CELLS): ParseResult {
  const kind = PARAMS[param].kind;
  const fail = (why: string): ParseResult => ({ ok: false, error: `Axis '${param}': ${why}` });
  const trimmed = text.trim();
  if (trimmed === "") return fail("type at least one value.");
  const parsed = trimmed.startsWith("[") ? parseJsonList(kind, trimmed) : parseByKind(kind, text, maxValues);
  if ("error" in parsed) return fail(parsed.error);
  if (parsed.values.length === 0) return fail("type at least one value.");
  if (parsed.values.length > maxValues) {
    return fail(`${parsed.values.length} values; an axis holds at most ${maxValues}.`);
  }
  return { ok: true, values: parsed.values };
}

type Parsed = { values: unknown[] } | { error: string };

function parseByKind(kind: ParamKind, text: string, maxValues: number): Parsed {
  switch (kind) {
    case "number":
    case "integer":
      return parseNumbers(text, kind === "integer", maxValues);
    case "boolean":
      return parseBooleans(text);
    case "choice":
      return { values: splitClean(text, /[,\n]/) };
    case "string":
      return { values: text.split(/\r?\n/).filter((line) => line.trim() !== "") };
    default:
      return { error: 'write a JSON array with one element per value, e.g. [["\\n"], ["END"]].' };
  }
}

function splitClean(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function parseBooleans(text: string): Parsed {
  const values: boolean[] = [];
  for (const part of splitClean(text, /[,\n]/)) {
    const lower = part.toLowerCase();
    if (lower !== "true" && lower !== "false") return { error: `'${part}' is not true or false.` };
    values.push(lower === "true");
  }
  return { values };
}

function parseNumbers(text: string, integer: boolean, maxValues: number): Parsed {
  const values: number[] = [];
  // Trailing and doubled commas are typing slips, not values.
  for (const part of splitClean(text, /[,\n]/)) {
    const got = part.includes("..") ? parseRange(part, maxValues) : parseNumber(part);
    if ("error" in got) return got;
    for (const v of got.values) {
      if (integer && !Number.isInteger(v)) return { error: `${v} is not a whole number.` };
      values.push(v);
    }
  }
  return { values };
}

function parseNumber(part: string): { values: number[] } | { error: string } {
  const n = toNumber(part);
  return n === null ? { error: `'${part}' is not a number.` } : { values: [n] };
}

function toNumber(s: string | undefined): number | null {
  const t = (s ?? "").trim();
  // Number() alone would take "", "0x10" and "Infinity"; a sweep value is always plain decimal.
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function parseRange(part: string, maxValues: number): { values: number[] } | { error: string } {
  const m = RANGE.exec(part);
  const a = toNumber(m?.[1]);
  const b = toNumber(m?.[2]);
  const stepText = m?.[3];
  const step = stepText === undefined ? 1 : toNumber(stepText);
  if (m === null || a === null || b === null || step === null) return { error: `'${part}' is not a number range.` };
  if (step <= 0) return { error: `the step in '${part}' must be above 0.` };
  if (stepText === undefined && !(Number.isInteger(a) && Number.isInteger(b))) {
    return { error: `'${part}' needs a step, e.g. '0.5..1 step 0.25'.` };
  }
  // The epsilon absorbs float error: (1 - 0.7) / 0.1 is 2.9999999999999996, which must count 3.
  const count = Math.floor(Math.abs(b - a) / step + 1e-9) + 1;
  // Checked before building, so "1..1e9" costs nothing; the whole list is checked again later.
  if (count > maxValues) return { error: `'${part}' gives ${count} values; an axis holds at most ${maxValues}.` };
  const digits = Math.max(decimals(a), decimals(b), decimals(step));
  const dir = b >= a ? 1 : -1;
  const values: number[] = [];
  // a + i * step (not repeated adding) so error does not build up; rounding to the inputs'
  // own decimals turns 0.30000000000000004 back into the 0.3 the user meant.
  for (let i = 0; i < count; i++) values.push(Number((a + dir * i * step).toFixed(digits)));
  return { values };
}

/** Decimal places a number needs (0.25 → 2, 1e-3 → 3), capped where floats stop being exact. */
function decimals(x: number): number {
  let d = 0;
  while (d < 15 && Math.round(x * 10 ** d) / 10 ** d !== x) d++;
  return d;
}

function parseJsonList(kind: ParamKind, text: string): Parsed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message}).` };
  }
  if (!Array.isArray(parsed)) return { error: "a JSON value list must be an array." };
  for (const [i, v] of parsed.entries()) {
    const problem = elementProblem(kind, v);
    if (problem) return { error: `value ${i + 1} ${problem}.` };
  }
  return { values: parsed };
}

function elementProblem(kind: ParamKind, v: unknown): string | null {
  switch (kind) {
    case "number":
      return typeof v === "number" && Number.isFinite(v) ? null : "is not a number";
    case "integer":
      return Number.isInteger(v) ? null : "is not a whole number";
    case "boolean":
      return typeof v === "boolean" ? null : "is not true or false";
    case "string":
    case "choice":
      return typeof v === "string" ? null : "is not a string";
    case "stringList":
      // OpenAI takes stop as one string or a list; both are fair values on an axis.
      return typeof v === "string" || (Array.isArray(v) && v.every((s) => typeof s === "string"))
        ? null
        : "is not a string or a list of strings";
    default:
      return null;
  }
}

/**
 * Values back to text the editor shows and parseAxisValues reads again (a reopened sweep shows
 * "0, 0.25, 0.5", not the range it came from). Falls back to JSON where the short form would
 * lose something: a comma inside a choice, a line break inside a string, an empty string.
 */
export function formatAxisValues(param: ParamName, values: readonly unknown[]): string {
  const kind = PARAMS[param].kind;
  const json = JSON.stringify(values);
  if (values.length === 0) return "";
  if (kind === "number" || kind === "integer" || kind === "boolean") {
    const plain = values.every((v) => typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)));
    return plain ? values.map(String).join(", ") : json;
  }
  if (kind !== "choice" && kind !== "string") return json;
  const strings = values.filter((v): v is string => typeof v === "string");
  if (strings.length !== values.length || strings[0]?.trim().startsWith("[")) return json;
  if (kind === "choice") {
    const safe = strings.every((s) => s === s.trim() && s !== "" && !/[,\n\r]/.test(s));
    return safe ? strings.join(", ") : json;
  }
  const safe = strings.every((s) => s.trim() !== "" && !/[\n\r]/.test(s));
  return safe ? strings.join("\n") : json;
}
