"use client";
import { assertionName } from "@/lib/evaluate/assertion-kinds";
import type { Assertion } from "@/lib/evaluate/assertion-schema";
import { summarizeCell } from "@/lib/evaluate/results";
import type { EvalRun } from "@/lib/evaluate/schema";
import { Button } from "../ui/Button";

/** Why an assertion held or not, over the cell's runs: each distinct reason once. */
function reasons(runs: readonly EvalRun[], i: number): string {
  return [...new Set(runs.map((r) => r.checks[i]?.reason).filter((x): x is string => !!x))].join(" · ");
}

function errorText(run: EvalRun): string {
  const e = run.error;
  if (!e) return "failed";
  return e.status === null ? e.message : `HTTP ${e.status}: ${e.message}`;
}

/**
 * One case on one target: ✓ or ✗ per assertion (the reason on hover and focus), "k of n passed"
 * and the number of distinct answers over repeats, failed requests with the provider's words,
 * the answers on expand, and a retry of this cell alone.
 */
export function EvalCell({
  runs,
  assertions,
  label,
  canRetry,
  onRetry,
}: {
  runs: readonly EvalRun[];
  assertions: readonly Assertion[];
  label: string;
  canRetry: boolean;
  onRetry: () => void;
}) {
  const s = summarizeCell(runs, assertions.length);
  const answered = runs.filter((r) => r.status === "done");
  const failedRuns = runs.filter((r) => r.status === "failed");
  return (
    <td data-eval-cell className="min-w-56 border border-zinc-200 p-1.5 align-top text-xs dark:border-zinc-800">
      {s.answered > 0 && (
        <ul className="flex flex-col gap-0.5">
          {assertions.map((a, i) => {
            const held = s.perAssertion[i] === s.answered;
            const name = assertionName(a);
            return (
              <li
                key={a.id}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the reason, as hover does
                tabIndex={0}
                title={reasons(answered, i)}
                aria-description={reasons(answered, i)}
                className={held ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}
              >
                {held ? "✓" : "✗"} {name}
                {s.answered > 1 && ` ${s.perAssertion[i]}/${s.answered}`}
              </li>
            );
          })}
        </ul>
      )}
      {s.answered > 0 && (
        <p data-cell-summary className="mt-1 font-medium">
          {assertions.length > 0 && `${s.passed} of ${s.answered} passed · `}
          {s.distinct} distinct answer{s.distinct === 1 ? "" : "s"}
        </p>
      )}
      {failedRuns.length > 0 && (
        <p role="note" className="mt-1 text-red-700 dark:text-red-400">
          ✗ {failedRuns.length} request{failedRuns.length === 1 ? "" : "s"} failed: {[...new Set(failedRuns.map(errorText))].join(" · ")}
        </p>
      )}
      {s.open > 0 && <p className="mt-1 text-zinc-500">{runs.some((r) => r.status === "running") ? "running…" : `${s.open} not run`}</p>}
      {answered.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer">Answer{answered.length > 1 ? "s" : ""}</summary>
          {answered.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: runs are in repeat order and never reordered
            <pre key={i} data-answer className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-zinc-50 p-1 dark:bg-zinc-900">
              {r.text}
            </pre>
          ))}
        </details>
      )}
      {runs.length > 0 && s.open === 0 && (
        <Button size="sm" variant="ghost" className="mt-1" disabled={!canRetry} onClick={onRetry}>
          Retry {label}
        </Button>
      )}
    </td>
  );
}
