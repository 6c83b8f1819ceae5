"use client";
import { useCallback, useEffect, useState } from "react";
import { axisLength, axisName, type SweepDefinition, type SweepResults } from "@/lib/sweep";
import { loadSweepHistory, saveSweepHistory, type SweepHistoryEntry, withSweepEntry } from "@/lib/sweep/history";
import { Button } from "../ui/Button";

const storage = () => (typeof window === "undefined" ? null : window.localStorage);

/**
 * Keeps each run of the page in the bounded history once it stops (finished or cancelled); a
 * retry of one cell updates the same entry. `runId` is null until the page has run something.
 */
export function useSweepHistory(runId: string | null, definition: SweepDefinition, results: SweepResults, running: boolean) {
  const [entries, setEntries] = useState<SweepHistoryEntry[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const loaded = loadSweepHistory(storage());
    setEntries(loaded.entries);
    setNotice(loaded.notice);
  }, []);
  useEffect(() => {
    if (running || runId === null || Object.keys(results).length === 0) return;
    const next = withSweepEntry(loadSweepHistory(storage()).entries, { id: runId, savedAt: new Date().toISOString(), definition, results });
    setNotice(saveSweepHistory(storage(), next));
    setEntries(next);
  }, [runId, definition, results, running]);
  const clear = useCallback(() => {
    setNotice(saveSweepHistory(storage(), []));
    setEntries([]);
  }, []);
  return { entries, notice, clear };
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
export function SweepHistory({ entries, notice, currentId, onOpen, onClear }: Props) {
  return (
    <details className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">History ({entries.length})</summary>
      {notice && <p className="text-amber-800 dark:text-amber-300">{notice}</p>}
      {entries.length === 0 ? (
        <p className="text-zinc-500">Sweeps you run are kept here.</p>
      ) : (
        <ul aria-label="Sweep history" className="mt-1 flex flex-col gap-1">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              <time dateTime={e.savedAt} className="font-mono text-xs text-zinc-500">
                {new Date(e.savedAt).toLocaleString()}
              </time>
              <span>{summary(e)}</span>
              {e.id === currentId ? (
                <span className="text-xs text-zinc-500">(on screen)</span>
              ) : (
                <Button size="sm" aria-label={`Open sweep from ${new Date(e.savedAt).toLocaleString()}`} onClick={() => onOpen(e)}>
                  Open
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {entries.length > 0 && (
        <Button size="sm" variant="ghost" className="mt-1" onClick={onClear}>
          Clear history
        </Button>
      )}
    </details>
  );
}
