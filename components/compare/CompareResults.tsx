"use client";
import { costFigure, summarizeTarget } from "@/lib/compare/results";
import { columnSession, type CompareState } from "@/lib/compare/state";
import { buildRequest } from "@/lib/request/build";
import { PriceTable } from "../pricing/PriceTable";
import { usePrices } from "../pricing/usePrices";
import { DiffView } from "./DiffView";
import { ResultsTable } from "./ResultsTable";
import type { TargetReport } from "./RunningTarget";

/** Under the targets: their figures side by side, the prices, and each target's diff against the baseline. */
export function CompareResults({ state, reports }: { state: CompareState; reports: Readonly<Record<string, TargetReport>> }) {
  const names = state.columns.map((_, i) => `Target ${i + 1}`);
  const summaries = state.columns.map((c) => summarizeTarget(reports[c.id]?.samples ?? []));
  const prices = usePrices();
  const costs = state.columns.map((c) => costFigure(reports[c.id]?.samples ?? [], prices.priceOf(c.providerId, c.model)));
  const diffTargets = state.columns.map((c, i) => ({
    name: names[i] ?? "",
    requestText: reports[c.id]?.requestText ?? buildRequest(columnSession(state, c)).text,
    answer: reports[c.id]?.answer ?? "",
  }));
  const baselineIndex = Math.max(
    0,
    state.columns.findIndex((c) => c.id === state.baselineId),
  );
  return (
    <>
      <ResultsTable names={names} summaries={summaries} costs={costs} />
      <PriceTable suggest={state.columns[0]} />
      {diffTargets[baselineIndex] && (
        <DiffView baseline={diffTargets[baselineIndex]} others={diffTargets.filter((_, i) => i !== baselineIndex)} />
      )}
    </>
  );
}
