"use client";
import { useState } from "react";
import { axisName, axisValueLabel, type CellResult, cellKey, summarizeLine, type SweepDefinition, type SweepResults } from "@/lib/sweep";
import type { LineSummary } from "@/lib/sweep";
import { Tabs } from "../ui/Tabs";
import { SweepCell } from "./SweepCell";

const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)}%`);

function SummaryText({ s }: { s: LineSummary }) {
  return (
    <span className="text-[11px] text-zinc-600 dark:text-zinc-400">
      distinct {s.distinct ?? "–"} · similarity {s.meanSimilarity === null ? "–" : s.meanSimilarity.toFixed(2)} · median{" "}
      {s.medianTotalMs === null ? "–" : `${Math.round(s.medianTotalMs)} ms`}
      {s.schemaChecked > 0 && ` · schema ${pct(s.passRate)}`}
      {s.failed > 0 && ` · ${s.failed} failed`}
    </span>
  );
}

interface Props {
  definition: SweepDefinition;
  results: SweepResults;
  onRetry: (key: string) => void;
  /** Show each answer's tokens shaded by probability (cells that asked for logprobs). */
  shade: boolean;
}

/** The results: the first axis as rows, the second as columns, the third as tabs; summaries per row and column. */
export function SweepMatrix({ definition, results, onRetry, shade }: Props) {
  const [page, setPage] = useState("0");
  const [rows, cols, tabs] = definition.axes;
  if (!rows) return null;
  const len = (a: typeof rows | undefined) => (a ? (a.kind === "param" ? a.values.length : a.targets.length) : 1);
  const table = (k: number) => {
    const at = (i: number, j: number) => cellKey([i, ...(cols ? [j] : []), ...(tabs ? [k] : [])]);
    const get = (i: number, j: number): CellResult | undefined => results[at(i, j)];
    const label = (i: number, j: number) =>
      [rows, cols, tabs]
        .map((a, n) => (a ? `${axisName(a)}=${axisValueLabel(a, [i, j, k][n] ?? 0, 24)}` : ""))
        .filter(Boolean)
        .join(", ");
    const colIdx = Array.from({ length: len(cols) }, (_, j) => j);
    const rowIdx = Array.from({ length: len(rows) }, (_, i) => i);
    const line = (cells: (CellResult | undefined)[]) => summarizeLine(cells.filter((c): c is CellResult => c !== undefined));
    return (
      <div className="overflow-x-auto">
        <table aria-label="Sweep results" className="border-collapse text-sm">
          <thead>
            <tr className="text-left text-xs text-zinc-500">
              <th scope="col" className="border border-zinc-200 p-1 dark:border-zinc-800">
                {axisName(rows)}
                {cols ? ` \\ ${axisName(cols)}` : ""}
              </th>
              {colIdx.map((j) => (
                <th key={j} scope="col" className="border border-zinc-200 p-1 font-mono dark:border-zinc-800">
                  {cols ? axisValueLabel(cols, j) : "answer"}
                </th>
              ))}
              <th scope="col" className="border border-zinc-200 p-1 dark:border-zinc-800">
                Row summary
              </th>
            </tr>
          </thead>
          <tbody>
            {rowIdx.map((i) => (
              <tr key={i} className="align-top">
                <th scope="row" className="border border-zinc-200 p-1 text-left font-mono text-xs dark:border-zinc-800">
                  {axisValueLabel(rows, i)}
                </th>
                {colIdx.map((j) => (
                  <td key={j} className="w-64 min-w-48 border border-zinc-200 p-1 dark:border-zinc-800" data-cell={at(i, j)}>
                    <SweepCell result={get(i, j)} label={label(i, j)} onRetry={() => onRetry(at(i, j))} shade={shade} />
                  </td>
                ))}
                <td className="border border-zinc-200 p-1 dark:border-zinc-800" data-row-summary={i}>
                  <SummaryText s={line(colIdx.map((j) => get(i, j)))} />
                </td>
              </tr>
            ))}
            {cols && (
              <tr className="align-top">
                <th scope="row" className="border border-zinc-200 p-1 text-left text-xs dark:border-zinc-800">
                  Column summary
                </th>
                {colIdx.map((j) => (
                  <td key={j} className="border border-zinc-200 p-1 dark:border-zinc-800" data-column-summary={j}>
                    <SummaryText s={line(rowIdx.map((i) => get(i, j)))} />
                  </td>
                ))}
                <td className="border border-zinc-200 p-1 dark:border-zinc-800" />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    );
  };
  if (!tabs) return table(0);
  return (
    <Tabs
      label={axisName(tabs)}
      value={page}
      onChange={setPage}
      keepMounted={false}
      items={Array.from({ length: len(tabs) }, (_, k) => ({
        id: String(k),
        label: `${axisName(tabs)} = ${axisValueLabel(tabs, k, 24)}`,
        content: table(k),
      }))}
    />
  );
}
