"use client";
import { axisLength, axisName, type SweepDefinition, type SweepResults } from "@/lib/sweep";
import { loadSweepHistory, saveSweepHistory, type SweepHistoryEntry, withSweepEntry } from "@/lib/sweep/history";
import { type HistoryStore, RunHistoryList, useRunHistory } from "../ui/RunHistory";

const STORE: HistoryStore<SweepHistoryEntry, SweepDefinition, SweepResults> = {
  load: loadSweepHistory,
  save: saveSweepHistory,
  withEntry: withSweepEntry,
};

/** Keeps each sweep in the bounded history once it stops; see useRunHistory. */
export function useSweepHistory(runId: string | null, definition: SweepDefinition, results: SweepResults, running: boolean) {
  return useRunHistory(STORE, runId, definition, results, running);
}

function summary(entry: SweepHistoryEntry): string {
  const axes = entry.definition.axes.map((a) => `${axisName(a)} (${axisLength(a)})`).join(" × ");
  const done = Object.values(entry.results).filter((r) => r.status === "done").length;
  const failed = Object.values(entry.results).filter((r) => r.status === "failed").length;
  return `${axes} · ${entry.definition.session.providerId}:${entry.definition.session.model} · ${done} done${failed ? `, ${failed} failed` : ""}`;
}

interface Props {
  entries: SweepHistoryEntry[];
  notice: string | null;
  currentId: string | null;
  onOpen: (entry: SweepHistoryEntry) => void;
  onClear: () => void;
}

/** Past sweeps of this browser, newest first; opening one brings back its grid and results. */
export function SweepHistory(props: Props) {
  return <RunHistoryList what="sweep" summary={summary} {...props} />;
}
