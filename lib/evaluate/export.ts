import { redactExtraBody } from "../redact/extra-body";
import { csvField, guardFormula } from "../sweep/csv";
import { assertionName } from "./assertion-kinds";
import type { EvalCase } from "./cases";
import { runKey } from "./keys";
import { runPassed } from "./results";
import type { EvalResults, Evaluation } from "./schema";

/** The definition without key fields in its extra body (as share links and history leave them out). */
export function redactEvaluation(ev: Evaluation): { definition: Evaluation; removed: string[] } {
  const { extraBody, removed } = redactExtraBody(ev.session.extraBody);
  return { definition: removed.length === 0 ? ev : { ...ev, session: { ...ev.session, extraBody } }, removed };
}

export const EVAL_EXPORT_FORMAT = "llm-playground-evaluation";

/** The JSON export: the definition (keys left out) and every run with its verdicts. */
export function toEvalJson(ev: Evaluation, results: EvalResults): string {
  return `${JSON.stringify({ format: EVAL_EXPORT_FORMAT, version: 1, definition: redactEvaluation(ev).definition, results }, null, 2)}\n`;
}

export interface EvalCsvOptions {
  /** As in sweep exports: answer and error text that starts like a formula gets a leading quote (OWASP CSV injection). */
  guardFormulas?: boolean;
}

/**
 * One RFC 4180 row per run: the case (its line and every variable, then expected), the target,
 * the repeat, the figures, pass/fail/error per assertion (named in the header), the answer.
 */
export function toEvalCsv(ev: Evaluation, cases: readonly EvalCase[], results: EvalResults, options: EvalCsvOptions = {}): string {
  const guard = options.guardFormulas ?? true;
  const free = (s: string) => (guard ? guardFormula(s) : s);
  const variables = [...new Set(cases.flatMap((c) => Object.keys(c.vars)))];
  const header = [
    "case_line",
    ...variables,
    "expected",
    "target",
    "provider",
    "model",
    "repeat",
    "status",
    "passed",
    ...ev.assertions.map(assertionName),
    "finish_reason",
    "ttft_ms",
    "total_ms",
    "prompt_tokens",
    "completion_tokens",
    "text",
    "error",
  ];
  const rows: string[][] = [];
  for (const [ci, c] of cases.entries()) {
    for (const [ti, t] of ev.targets.entries()) {
      for (let r = 0; r < ev.repeats; r++) {
        const run = results[runKey(ci, t.id, r)];
        if (!run) continue;
        const error = run.error ? (run.error.status === null ? run.error.message : `${run.error.status} ${run.error.message}`) : "";
        rows.push([
          String(c.line),
          ...variables.map((v) => free(c.vars[v] ?? "")),
          free(c.expected ?? ""),
          String(ti + 1),
          t.providerId,
          t.model,
          String(r + 1),
          run.status,
          run.status === "done" ? String(runPassed(run)) : "",
          ...ev.assertions.map((_, i) => run.checks[i]?.status ?? ""),
          run.finishReason ?? "",
          num(run.ttftMs),
          num(run.totalMs),
          num(run.promptTokens),
          num(run.completionTokens),
          free(run.text),
          free(error),
        ]);
      }
    }
  }
  return [header, ...rows].map((fields) => `${fields.map(csvField).join(",")}\r\n`).join("");
}

const num = (n: number | null) => (n === null || !Number.isFinite(n) ? "" : String(n));
