import { validateAgainstSchema } from "../checks/schema-check";
import type { Assertion } from "./assertion-schema";

/** What one answer is checked against: the answer and the run's figures, and the case. */
export interface Observation {
  output: string;
  finishReason: string | null;
  ttftMs: number | null;
  totalMs: number | null;
  completionTokens: number | null;
  toolCalls: { name: string; arguments: string }[];
  /** The assembled response object, as the raw view shows it. */
  response: unknown;
  vars: Readonly<Record<string, string>>;
  expected?: string;
}

export type CheckStatus = "pass" | "fail" | "error";
/** `error`: the assertion itself could not be checked (it threw, timed out, its schema is broken). */
export interface CheckResult {
  status: CheckStatus;
  reason: string;
}

export type ExpressionOutcome = { ok: true; value: unknown } | { ok: false; error: string };
/** Evaluates a JavaScript expression over the scope; in the browser, lib/evaluate/sandbox's worker. */
export type ExpressionRunner = (code: string, scope: Readonly<Record<string, unknown>>) => Promise<ExpressionOutcome>;

const pass = (reason: string): CheckResult => ({ status: "pass", reason });
const fail = (reason: string): CheckResult => ({ status: "fail", reason });
const error = (reason: string): CheckResult => ({ status: "error", reason });

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

function contains(output: string, value: string, ignoreCase: boolean): boolean {
  return ignoreCase ? output.toLowerCase().includes(value.toLowerCase()) : output.includes(value);
}

/** Checks one assertion; never throws: whatever goes wrong is this assertion's error. */
export async function checkAssertion(a: Assertion, o: Observation, runExpression: ExpressionRunner): Promise<CheckResult> {
  try {
    return await check(a, o, runExpression);
  } catch (e) {
    return error(`The check failed: ${(e as Error).message}`);
  }
}

async function check(a: Assertion, o: Observation, runExpression: ExpressionRunner): Promise<CheckResult> {
  switch (a.kind) {
    case "contains":
      return contains(o.output, a.value, a.ignoreCase) ? pass(`Contains “${a.value}”.`) : fail(`Does not contain “${a.value}”.`);
    case "not-contains":
      return contains(o.output, a.value, a.ignoreCase) ? fail(`Contains “${a.value}”.`) : pass(`Does not contain “${a.value}”.`);
    case "equals-expected":
      return equalsExpected(o, a.trim);
    case "regex":
      return new RegExp(a.pattern, a.flags).test(o.output)
        ? pass(`Matches /${a.pattern}/${a.flags}.`)
        : fail(`Does not match /${a.pattern}/${a.flags}.`);
    case "json-valid": {
      const parsed = parseJson(o.output);
      return parsed.ok ? pass("The answer is valid JSON.") : fail(`Not valid JSON: ${parsed.message}`);
    }
    case "json-schema":
      return schemaCheck(a.schema, o.output, "The answer");
    case "tool-call":
      return toolCall(a.functionName, a.schema, o.toolCalls);
    case "finish-reason":
      return o.finishReason === a.value
        ? pass(`finish_reason is ${a.value}.`)
        : fail(`finish_reason is ${o.finishReason ?? "(none)"}, not ${a.value}.`);
    case "length": {
      const n = o.output.length;
      if (a.min !== null && n < a.min) return fail(`${n} characters, fewer than ${a.min}.`);
      if (a.max !== null && n > a.max) return fail(`${n} characters, more than ${a.max}.`);
      return pass(`${n} characters.`);
    }
    case "latency": {
      const ms = a.measure === "ttft" ? o.ttftMs : o.totalMs;
      const what = a.measure === "ttft" ? "Time to first token" : "Total time";
      if (ms === null) return error(`${what} was not measured.`);
      return ms < a.maxMs ? pass(`${what} ${Math.round(ms)} ms.`) : fail(`${what} ${Math.round(ms)} ms, not below ${a.maxMs} ms.`);
    }
    case "tokens":
      if (o.completionTokens === null) return error("The provider reported no completion tokens.");
      return o.completionTokens < a.maxTokens
        ? pass(`${o.completionTokens} completion tokens.`)
        : fail(`${o.completionTokens} completion tokens, not below ${a.maxTokens}.`);
    case "expression":
      return expression(a.code, o, runExpression);
  }
}

function equalsExpected(o: Observation, trim: boolean): CheckResult {
  if (o.expected === undefined) return error("This case has no expected value.");
  const [got, want] = trim ? [o.output.trim(), o.expected.trim()] : [o.output, o.expected];
  return got === want
    ? pass("Equals the expected answer.")
    : fail(`Differs from the expected “${o.expected.length > 80 ? `${o.expected.slice(0, 80)}…` : o.expected}”.`);
}

async function schemaCheck(schemaText: string, value: string, what: string): Promise<CheckResult> {
  const schema = parseJson(schemaText);
  if (!schema.ok) return error(`The schema is not valid JSON: ${schema.message}`);
  const r = await validateAgainstSchema(schema.value, value);
  if (r.message.startsWith("The schema does not compile")) return error(r.message);
  return r.valid ? pass(`${what} matches the schema.`) : fail(`${what}: ${r.message.charAt(0).toLowerCase()}${r.message.slice(1)}`);
}

async function toolCall(name: string, schemaText: string, calls: Observation["toolCalls"]): Promise<CheckResult> {
  const matching = calls.filter((c) => name === "" || c.name === name);
  if (matching.length === 0) {
    const made = calls.map((c) => c.name).join(", ");
    return fail(calls.length === 0 ? "No tool was called." : `No call to ${name}; called ${made}.`);
  }
  if (schemaText.trim() === "") return pass(`Called ${matching[0]!.name}.`);
  let last: CheckResult = fail("");
  for (const c of matching) {
    last = await schemaCheck(schemaText, c.arguments, `The arguments of ${c.name}`);
    if (last.status !== "fail") return last;
  }
  return last;
}

async function expression(code: string, o: Observation, runExpression: ExpressionRunner): Promise<CheckResult> {
  const parsed = parseJson(o.output);
  const scope = { output: o.output, json: parsed.ok ? parsed.value : undefined, vars: o.vars, response: o.response, expected: o.expected };
  const r = await runExpression(code, scope);
  if (!r.ok) return error(r.error);
  return r.value ? pass(`Returned ${preview(r.value)}.`) : fail(`Returned ${preview(r.value)}.`);
}

function preview(v: unknown): string {
  const s = v === undefined ? "undefined" : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
