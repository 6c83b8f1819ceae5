"use client";
import { useCallback, useEffect, useState } from "react";
import { browserStorage, type StorageLike } from "@/lib/storage/browser-storage";
import { Button } from "./Button";

export interface HistoryStore<E, D, R> {
  load: (storage: StorageLike | null) => { entries: E[]; notice: string | null };
  save: (storage: StorageLike | null, entries: readonly E[]) => string | null;
  withEntry: (entries: readonly E[], entry: { id: string; savedAt: string; definition: D; results: R }) => E[];
}

/**
 * Keeps each run of a page in its bounded history once it stops (finished or cancelled); a
 * retry updates the same entry. `runId` is null until the page has run something.
 */
export function useRunHistory<E, D, R extends object>(
  store: HistoryStore<E, D, R>,
  runId: string | null,
  definition: D | null,
  results: R,
  running: boolean,
) {
  const [entries, setEntries] = useState<E[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per mount; the store is a module constant
  useEffect(() => {
    const loaded = store.load(browserStorage());
    setEntries(loaded.entries);
    setNotice(loaded.notice);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is a module constant
  useEffect(() => {
    if (running || runId === null || definition === null || Object.keys(results).length === 0) return;
    const next = store.withEntry(store.load(browserStorage()).entries, {
      id: runId,
      savedAt: new Date().toISOString(),
      definition,
      results,
    });
    setNotice(store.save(browserStorage(), next));
    setEntries(next);
  }, [runId, definition, results, running]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is a module constant
  const clear = useCallback(() => {
    setNotice(store.save(browserStorage(), []));
    setEntries([]);
  }, []);
  return { entries, notice, clear };
}

interface ListProps<E> {
  /** "sweep", "evaluation": names the list and the Open buttons. */
  what: string;
  entries: E[];
  notice: string | null;
  currentId: string | null;
  summary: (entry: E) => string;
  onOpen: (entry: E) => void;
  onClear: () => void;
}

/** Past runs of a page in this browser, newest first; opening one brings back its definition and results. */
export function RunHistoryList<E extends { id: string; savedAt: string }>({
  what,
  entries,
  notice,
  currentId,
  summary,
  onOpen,
  onClear,
}: ListProps<E>) {
  const title = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  return (
    <details className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">History ({entries.length})</summary>
      {notice && <p className="text-amber-800 dark:text-amber-300">{notice}</p>}
      {entries.length === 0 ? (
        <p className="text-zinc-500">{title}s you run are kept here.</p>
      ) : (
        <ul aria-label={`${title} history`} className="mt-1 flex flex-col gap-1">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              <time dateTime={e.savedAt} className="font-mono text-xs text-zinc-500">
                {new Date(e.savedAt).toLocaleString()}
              </time>
              <span>{summary(e)}</span>
              {e.id === currentId ? (
                <span className="text-xs text-zinc-500">(on screen)</span>
              ) : (
                <Button size="sm" aria-label={`Open ${what} from ${new Date(e.savedAt).toLocaleString()}`} onClick={() => onOpen(e)}>
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
