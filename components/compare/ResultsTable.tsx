"use client";
import { bestPerField, type Figure, type NumericField, type TargetSummary } from "@/lib/compare/results";
import { formatCost } from "@/lib/pricing/prices";

const COLUMNS: { field: NumericField; label: string; unit: string }[] = [
  { field: "ttftMs", label: "Time to first token", unit: "ms" },
  { field: "totalMs", label: "Total time", unit: "ms" },
  { field: "tokensPerSecond", label: "Tokens/s", unit: "" },
  { field: "promptTokens", label: "Prompt tokens", unit: "" },
  { field: "completionTokens", label: "Completion tokens", unit: "" },
  { field: "answerLength", label: "Answer length (chars)", unit: "" },
];

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toString() : (Math.round(v * 10) / 10).toString());

function cell(f: Figure | null, unit: string): string {
  if (!f) return "–";
  const spread = f.n > 1 ? ` (${round(f.min)}–${round(f.max)})` : "";
  return `${round(f.median)}${unit ? ` ${unit}` : ""}${spread}`;
}

function costCell(f: Figure | null | undefined): string {
  if (!f) return "–";
  return `${formatCost(f.median)}${f.n > 1 ? ` (${formatCost(f.min)}–${formatCost(f.max)})` : ""}`;
}

/**
 * Per target: medians over the repeats, with the spread (min–max); the best of each timing
 * column stands out. `costs` (per run, at the user's prices) adds a column when any is known.
 */
export function ResultsTable({ names, summaries, costs = [] }: { names: string[]; summaries: TargetSummary[]; costs?: (Figure | null)[] }) {
  const best = bestPerField(summaries);
  const showCost = costs.some((c) => c !== null);
  return (
    <div className="overflow-x-auto">
      <table aria-label="Results" className="w-full min-w-[48rem] border-collapse text-sm">
        <thead>
          <tr className="border-b border-zinc-300 text-left text-xs text-zinc-500 dark:border-zinc-700">
            <th scope="col" className="p-1">
              Target
            </th>
            <th scope="col" className="p-1">
              Runs
            </th>
            {COLUMNS.map((c) => (
              <th key={c.field} scope="col" className="p-1">
                {c.label}
              </th>
            ))}
            <th scope="col" className="p-1">
              finish_reason
            </th>
            <th scope="col" className="p-1">
              Schema held
            </th>
            {showCost && (
              <th scope="col" className="p-1">
                Cost per run
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {summaries.map((s, i) => (
            <tr key={names[i]} className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="row" className="p-1 text-left font-medium">
                {names[i]}
              </th>
              <td className="p-1">{s.runs === 0 ? "–" : `${s.runs - s.failed}/${s.runs}${s.failed ? " (failed)" : ""}`}</td>
              {COLUMNS.map((c) => {
                const isBest = best[c.field] === i && summaries.length > 1;
                return (
                  <td
                    key={c.field}
                    className={
                      isBest ? "bg-emerald-50 p-1 font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" : "p-1"
                    }
                    data-best={isBest || undefined}
                  >
                    {cell(s.figures[c.field], c.unit)}
                    {isBest && <span className="sr-only"> (best)</span>}
                  </td>
                );
              })}
              <td className="p-1 font-mono text-xs">{s.finishReasons.join(", ") || "–"}</td>
              <td className="p-1">{s.schemaHeld ? `${s.schemaHeld.held}/${s.schemaHeld.of}` : "–"}</td>
              {showCost && (
                <td className="p-1" data-cost>
                  {costCell(costs[i])}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
