"use client";
import { type EvalHistoryEntry, loadEvalHistory, saveEvalHistory, withEvalEntry } from "@/lib/evaluate/history";
import { runPassed } from "@/lib/evaluate/results";
import type { EvalResults, Evaluation } from "@/lib/evaluate/schema";
import { type HistoryStore, RunHistoryList, useRunHistory } from "../ui/RunHistory";

const STORE: HistoryStore<EvalHistoryEntry, Evaluation, EvalResults> = {
  load: loadEvalHistory,
  save: saveEvalHistory,
  withEntry: withEvalEntry,
};

export function useEvalHistory(runId: string | null, ran: Evaluation | null, results: EvalResults, running: boolean) {
  return useRunHistory(STORE, runId, ran, results, running);
}

function summary(e: EvalHistoryEntry): string {
  const runs = Object.values(e.results);
  const answered = runs.filter((r) => r.status === "done");
  const failed = runs.filter((r) => r.status === "failed").length;
  const targets = e.definition.targets.map((t) => `${t.providerId}:${t.model}`).join(", ");
  return `${targets} · ${answered.filter(runPassed).length} of ${answered.length} passed${failed ? `, ${failed} failed` : ""}`;
}

export function EvalHistory(props: {
  entries: EvalHistoryEntry[];
  notice: string | null;
  currentId: string | null;
  onOpen: (e: EvalHistoryEntry) => void;
  onClear: () => void;
}) {
  return <RunHistoryList what="evaluation" summary={summary} {...props} />;
}
