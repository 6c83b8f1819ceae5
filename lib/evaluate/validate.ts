import { schemaProblem } from "../checks/schema-check";
import { buildRequest } from "../request/build";
import { sessionForColumn } from "../compare/columns";
import { getProfile } from "../providers";
import { keyErrors, targetProblems } from "../sweep/validate";
import { assertionName } from "./assertion-kinds";
import type { Assertion } from "./assertion-schema";
import { type EvalCase, type ParsedCases, parseCases } from "./cases";
import type { Evaluation } from "./schema";
import { fillSession, sessionVariables } from "./template";

/**
 * Everything wrong with an evaluation that can be known before sending, each message naming
 * what it is about: a `{{variable}}` no case column provides, a case without a value for one,
 * a regex or schema that does not compile, a target that cannot be sent. Errors block the run;
 * warnings do not.
 */
export interface EvalCheck {
  errors: string[];
  warnings: string[];
  /** The cases that will run (one empty case for a template without variables and no cases). */
  cases: EvalCase[];
  requests: number;
}

export interface EvalValidateOptions {
  hasKey: (providerId: string) => boolean;
  /** Parsed cases, when the caller has them already. */
  parsed?: ParsedCases;
}

/** The cases a run uses: the parsed ones, or a single empty case when there are no variables to fill. */
export function effectiveCases(parsed: ParsedCases, variables: readonly string[]): EvalCase[] {
  return parsed.cases.length === 0 && variables.length === 0 ? [{ line: 0, vars: {} }] : parsed.cases;
}

export async function validateEvaluation(ev: Evaluation, options: EvalValidateOptions): Promise<EvalCheck> {
  const parsed = options.parsed ?? parseCases(ev.casesText);
  const variables = sessionVariables(ev.session);
  const cases = effectiveCases(parsed, variables);
  const errors: string[] = [...templateErrors(ev), ...caseErrors(parsed, cases, variables)];
  const warnings: string[] = parsed.problems.map((p) => `${p.message} That row was left out.`);
  const unused = parsed.columns.filter((c) => !variables.includes(c));
  if (unused.length > 0)
    warnings.push(`The template does not use the column${unused.length === 1 ? "" : "s"} ${unused.map((c) => `'${c}'`).join(", ")}.`);
  if (ev.assertions.length === 0) warnings.push("No assertions: the run collects answers but nothing is checked.");
  for (const [i, a] of ev.assertions.entries()) {
    const problem = await assertionProblem(a);
    if (problem) errors.push(`Assertion ${i + 1} (${assertionName(a)}): ${problem}`);
  }
  if (ev.assertions.some((a) => a.kind === "equals-expected")) {
    const without = cases.filter((c) => c.expected === undefined);
    if (without.length > 0)
      errors.push(`'Equals expected' needs an expected column; ${describeLines(without)} ha${without.length === 1 ? "s" : "ve"} none.`);
  }
  const requests = cases.length * ev.targets.length * ev.repeats;
  errors.push(...targetErrors(ev, cases[0]), ...keyErrors(ev.targets, requests, options.hasKey));
  return { errors: [...new Set(errors)], warnings, cases, requests };
}

function templateErrors(ev: Evaluation): string[] {
  const s = ev.session;
  if (s.mode === "chat" && s.messages.length === 0) return ["The template has no messages: add a user message (it may use {{variables}})."];
  if (s.mode === "completions" && s.prompt.trim() === "") return ["The template's prompt is empty."];
  return [];
}

function caseErrors(parsed: ParsedCases, cases: readonly EvalCase[], variables: readonly string[]): string[] {
  if (cases.length === 0) {
    return [
      variables.length > 0
        ? `No cases: paste or load rows with a column for each variable (${variables.map((v) => `{{${v}}}`).join(", ")}).`
        : "No cases.",
    ];
  }
  const errors: string[] = [];
  for (const v of variables) {
    if (!parsed.columns.includes(v)) {
      errors.push(`The template uses {{${v}}}, but no case has a '${v}' column.`);
      continue;
    }
    const missing = cases.filter((c) => !Object.hasOwn(c.vars, v));
    if (missing.length > 0)
      errors.push(`${capitalize(describeLines(missing))} ha${missing.length === 1 ? "s" : "ve"} no value for {{${v}}}.`);
  }
  return errors;
}

/** "the case on line 3" / "the cases on lines 3, 5 and 2 more". */
function describeLines(cases: readonly EvalCase[]): string {
  const lines = cases.slice(0, 5).map((c) => c.line);
  const more = cases.length > 5 ? ` and ${cases.length - 5} more` : "";
  return cases.length === 1 ? `the case on line ${lines[0]}` : `the cases on lines ${lines.join(", ")}${more}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Why an assertion cannot be checked as written, or null. */
export async function assertionProblem(a: Assertion): Promise<string | null> {
  switch (a.kind) {
    case "contains":
    case "not-contains":
      return a.value === "" ? "the text to look for is empty." : null;
    case "regex":
      return regexProblem(a.pattern, a.flags);
    case "json-schema":
      return jsonSchemaProblem(a.schema);
    case "tool-call":
      return a.schema.trim() === "" ? null : jsonSchemaProblem(a.schema);
    case "length":
      return a.min !== null && a.max !== null && a.min > a.max ? `the minimum (${a.min}) is above the maximum (${a.max}).` : null;
    case "expression":
      return expressionProblem(a.code);
    default:
      return null;
  }
}

function regexProblem(pattern: string, flags: string): string | null {
  if (pattern === "") return "the pattern is empty.";
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (e) {
    return `invalid regex: ${(e as Error).message}.`;
  }
}

async function jsonSchemaProblem(text: string): Promise<string | null> {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    return `the schema is not valid JSON: ${(e as Error).message}.`;
  }
  const problem = await schemaProblem(schema);
  return problem === null ? null : `${problem.charAt(0).toLowerCase()}${problem.slice(1)}`;
}

/**
 * What can be told about an expression without running it. Its syntax is checked in the
 * sandbox (lib/evaluate/sandbox), never compiled on the page. `import` is refused outright: a
 * dynamic import would load code from the network, which the sandbox cannot take away.
 */
export function expressionProblem(code: string): string | null {
  if (code.trim() === "") return "the expression is empty.";
  if (/\bimport\b/.test(code)) return "the expression may not use import.";
  return null;
}

function targetErrors(ev: Evaluation, first: EvalCase | undefined): string[] {
  const session = fillSession(ev.session, first?.vars ?? {});
  return ev.targets.flatMap((t, i) => {
    const where = `Target ${i + 1} (${getProfile(t.providerId)?.name ?? t.providerId})`;
    const problems = targetProblems(t, session.mode, where);
    if (problems.length > 0) return problems;
    return buildRequest(sessionForColumn(session, t)).errors.map((e) => `${where}: ${e}`);
  });
}
