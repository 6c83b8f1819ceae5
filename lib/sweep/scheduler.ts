/**
 * A small promise pool for sweeps: at most N tasks run at once per provider (so a grid over
 * three providers runs 3×N requests, and one slow or rate-limited provider does not hold up the
 * others), a failure stops nothing but itself, and aborting the signal starts nothing new. No
 * fetch here: a task is any function, so tests drive it with fake tasks.
 */
export interface PoolTask<T> {
  key: string;
  /** Tasks sharing a providerId share its limit. */
  providerId: string;
  /** Receives the cancel-all signal: a task should abort its request when it fires. */
  run: (signal: AbortSignal) => Promise<T>;
}

export type TaskOutcome<T> =
  | { key: string; status: "done"; value: T }
  | { key: string; status: "failed"; error: unknown }
  | { key: string; status: "cancelled" };

export type TaskEvent<T> = { key: string; status: "running" } | TaskOutcome<T>;

export interface PoolProgress {
  total: number;
  done: number;
  failed: number;
  cancelled: number;
  running: number;
  /** Not finished yet: waiting or running. */
  remaining: number;
}

export interface PoolOptions<T> {
  limitPerProvider?: number;
  signal?: AbortSignal;
  /** Called when a task starts and when it settles, with the counts after that change. */
  onEvent?: (event: TaskEvent<T>, progress: PoolProgress) => void;
}

export const DEFAULT_LIMIT_PER_PROVIDER = 4;

/** Runs every task and resolves (never rejects) with one outcome per task, in task order. */
export function runWithLimits<T>(tasks: readonly PoolTask<T>[], options: PoolOptions<T> = {}): Promise<TaskOutcome<T>[]> {
  const limit = Math.max(1, Math.floor(options.limitPerProvider ?? DEFAULT_LIMIT_PER_PROVIDER));
  const signal = options.signal ?? new AbortController().signal;
  const outcomes = new Array<TaskOutcome<T> | undefined>(tasks.length);
  const progress: PoolProgress = { total: tasks.length, done: 0, failed: 0, cancelled: 0, running: 0, remaining: tasks.length };
  const queues = queuesByProvider(tasks);
  const running = new Map<string, number>();

  return new Promise((resolve) => {
    const emit = (event: TaskEvent<T>) => report(options.onEvent, event, { ...progress });
    const settle = (index: number, outcome: TaskOutcome<T>) => {
      outcomes[index] = outcome;
      progress[outcome.status]++;
      progress.remaining--;
      emit(outcome);
      if (progress.remaining > 0) return;
      signal.removeEventListener("abort", cancelWaiting);
      resolve(outcomes as TaskOutcome<T>[]);
    };
    const cancelWaiting = () => {
      for (const queue of queues.values()) {
        for (const index of queue.splice(0)) settle(index, { key: tasks[index]!.key, status: "cancelled" });
      }
    };
    const start = (providerId: string, index: number) => {
      const task = tasks[index]!;
      running.set(providerId, (running.get(providerId) ?? 0) + 1);
      progress.running++;
      emit({ key: task.key, status: "running" });
      // Through a then() so a task that throws before returning its promise is a failure too.
      Promise.resolve()
        .then(() => task.run(signal))
        .then(
          (value): TaskOutcome<T> => ({ key: task.key, status: "done", value }),
          (error: unknown): TaskOutcome<T> =>
            // A task torn down by cancel-all was cancelled, not failed: it shows no error.
            signal.aborted ? { key: task.key, status: "cancelled" } : { key: task.key, status: "failed", error },
        )
        .then((outcome) => {
          running.set(providerId, (running.get(providerId) ?? 1) - 1);
          progress.running--;
          settle(index, outcome);
          pump(providerId);
        });
    };
    const pump = (providerId: string) => {
      if (signal.aborted) return cancelWaiting();
      const queue = queues.get(providerId) ?? [];
      while (queue.length > 0 && (running.get(providerId) ?? 0) < limit) start(providerId, queue.shift()!);
    };

    if (tasks.length === 0) return resolve([]);
    signal.addEventListener("abort", cancelWaiting, { once: true });
    for (const providerId of queues.keys()) pump(providerId);
  });
}

/**
 * A throwing progress callback must not leave the pool half-settled (a sweep stuck "running"),
 * so its error is rethrown outside the pool, where it is still reported.
 */
function report<T>(onEvent: PoolOptions<T>["onEvent"], event: TaskEvent<T>, progress: PoolProgress): void {
  try {
    onEvent?.(event, progress);
  } catch (e) {
    queueMicrotask(() => {
      throw e;
    });
  }
}

/** Indexes of the tasks per provider, each queue in task order. */
function queuesByProvider<T>(tasks: readonly PoolTask<T>[]): Map<string, number[]> {
  const queues = new Map<string, number[]>();
  for (const [i, t] of tasks.entries()) {
    const queue = queues.get(t.providerId) ?? [];
    queue.push(i);
    queues.set(t.providerId, queue);
  }
  return queues;
}
