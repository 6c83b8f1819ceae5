"use client";
import type { EvalCase } from "@/lib/evaluate/cases";
import { cellRuns, summarizeRuns, targetRuns } from "@/lib/evaluate/results";
import { formatCost, type Price } from "@/lib/pricing/prices";
import type { EvalResults, Evaluation } from "@/lib/evaluate/schema";
import { EvalCell } from "./EvalCell";

const pct = (x: number) => `${Math.round(x * 100)} %`;
const ms = (x: number | null) => (x === null ? "–" : `${Math.round(x)} ms`);

/** A case's label in the table: its variable values, shortened. */
function caseLabel(c: EvalCase, i: number): string {
  const values = Object.values(c.vars).join(", ");
  return values === "" ? `Case ${i + 1}` : `${i + 1}. ${values.length > 60 ? `${values.slice(0, 60)}…` : values}`;
}

/**
 * Rows are cases, columns are targets. The last row gives each target's pass rate with its 95 %
 * Wilson interval, median and p90 latency, tokens, and cost when a price is known.
 */
export function EvalResultsTable({
  evaluation,
  cases,
  results,
  priceOf,
  canRetry,
  onRetry,
}: {
  evaluation: Evaluation;
  cases: readonly EvalCase[];
  results: EvalResults;
  priceOf: (providerId: string, model: string) => Price | null;
  canRetry: boolean;
  onRetry: (caseIndex: number, targetId: string) => void;
}) {
  const { targets, repeats, assertions } = evaluation;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Evaluation results" className="border-collapse text-left">
        <thead>
          <tr>
            <th className="border border-zinc-200 p-1.5 text-xs dark:border-zinc-800">Case</th>
            {targets.map((t, i) => (
              <th key={t.id} scope="col" className="border border-zinc-200 p-1.5 text-xs dark:border-zinc-800">
                Target {i + 1}:{" "}
                <span className="font-mono font-normal">
                  {t.providerId} · {t.model}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cases.map((c, ci) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a case is its position: results are keyed by it
            <tr key={ci}>
              <th scope="row" className="max-w-64 border border-zinc-200 p-1.5 align-top text-xs font-normal dark:border-zinc-800">
                {caseLabel(c, ci)}
              </th>
              {targets.map((t, ti) => (
                <EvalCell
                  key={t.id}
                  runs={cellRuns(results, ci, t.id, repeats)}
                  assertions={assertions}
                  label={`case ${ci + 1} on Target ${ti + 1}`}
                  canRetry={canRetry}
                  onRetry={() => onRetry(ci, t.id)}
                />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="border border-zinc-200 p-1.5 text-xs dark:border-zinc-800">
              Per target
            </th>
            {targets.map((t, i) => {
              const s = summarizeRuns(targetRuns(results, cases.length, t.id, repeats), priceOf(t.providerId, t.model));
              return (
                <td key={t.id} data-target-summary={i + 1} className="border border-zinc-200 p-1.5 align-top text-xs dark:border-zinc-800">
                  <p className="font-medium">
                    {s.rate === null ? "No answers yet" : `Pass rate ${pct(s.rate)} (${s.passed} of ${s.answered})`}
                    {s.interval && ` · 95 % CI ${pct(s.interval.low)}–${pct(s.interval.high)}`}
                  </p>
                  {s.failed > 0 && (
                    <p className="text-red-700 dark:text-red-400">
                      {s.failed} request{s.failed === 1 ? "" : "s"} failed (not counted)
                    </p>
                  )}
                  <p>
                    Latency median {ms(s.medianMs)} · p90 {ms(s.p90Ms)} · TTFT median {ms(s.medianTtftMs)}
                  </p>
                  <p>
                    Tokens {s.promptTokens} in · {s.completionTokens} out{s.cost !== null && ` · cost ${formatCost(s.cost)}`}
                  </p>
                </td>
              );
            })}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
