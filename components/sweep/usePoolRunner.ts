"use client";
import { useCallback, useRef, useState } from "react";
import { type PoolProgress, runWithLimits } from "@/lib/sweep/scheduler";

/** A task that failed with a result of its own to show (the provider's words, the figures so far). */
export class TaskFailed<R> extends Error {
  constructor(
    readonly result: R,
    message = "failed",
  ) {
    super(message);
  }
}

export interface PoolRunnerOptions<C, R> {
  runTask: (task: C, signal: AbortSignal) => Promise<R>;
  providerOf: (task: C) => string;
  /** What a task shows while waiting, while running (given what it showed before), after failing, and when cancelled. */
  pending: () => R;
  running: (previous: R | undefined) => R;
  failed: (error: unknown) => R;
  cancelled: () => R;
}

/**
 * Runs keyed tasks through the proxy with the sweep scheduler's per-provider limit. Each result
 * lands in `results` as it settles, so nothing already run is lost when a later task fails or the
 * user cancels; running again a subset (a retry) leaves the other results as they are.
 */
export function usePoolRunner<C extends { key: string }, R>(initial: Readonly<Record<string, R>>, options: PoolRunnerOptions<C, R>) {
  const [results, setResults] = useState<Readonly<Record<string, R>>>(initial);
  const [progress, setProgress] = useState<PoolProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const opts = useRef(options);
  opts.current = options;

  const run = useCallback(async (tasks: readonly C[], limitPerProvider?: number) => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    const o = opts.current;
    const set = (key: string, value: R) => setResults((r) => ({ ...r, [key]: value }));
    for (const t of tasks) set(t.key, o.pending());
    await runWithLimits(
      tasks.map((task) => ({ key: task.key, providerId: o.providerOf(task), run: (signal) => o.runTask(task, signal) })),
      {
        signal: ctrl.signal,
        limitPerProvider,
        onEvent: (event, p) => {
          if (controller.current === ctrl) setProgress(p);
          if (event.status === "running") setResults((r) => ({ ...r, [event.key]: o.running(r[event.key]) }));
          else if (event.status === "done") set(event.key, event.value);
          else if (event.status === "failed")
            set(event.key, event.error instanceof TaskFailed ? (event.error.result as R) : o.failed(event.error));
          else set(event.key, o.cancelled());
        },
      },
    );
    if (controller.current === ctrl) controller.current = null;
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback((next: Readonly<Record<string, R>>) => {
    controller.current?.abort();
    setProgress(null);
    setResults(next);
  }, []);

  return { results, progress, running: progress !== null && progress.remaining > 0, run, cancel, reset };
}
