import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PoolProgress, type PoolTask, runWithLimits, type TaskEvent } from "./scheduler";

/** Fake tasks that record how many of their provider run at once and settle after a few ticks. */
function fakeTasks(providers: string[], opts: { fail?: (i: number) => boolean; ticks?: (i: number) => number } = {}) {
  const running = new Map<string, number>();
  const peak = new Map<string, number>();
  const started: string[] = [];
  const tasks: PoolTask<string>[] = providers.map((providerId, i) => ({
    key: `t${i}`,
    providerId,
    run: async (signal) => {
      started.push(`t${i}`);
      const now = (running.get(providerId) ?? 0) + 1;
      running.set(providerId, now);
      peak.set(providerId, Math.max(peak.get(providerId) ?? 0, now));
      try {
        for (let t = 0; t < (opts.ticks?.(i) ?? 1 + (i % 3)); t++) {
          await new Promise((r) => setTimeout(r, 0));
          if (signal.aborted) throw new Error("aborted");
        }
        if (opts.fail?.(i)) throw new Error(`boom ${i}`);
        return `answer ${i}`;
      } finally {
        running.set(providerId, (running.get(providerId) ?? 1) - 1);
      }
    },
  }));
  return { tasks, peak, started };
}

describe("runWithLimits", () => {
  it("never runs more than the limit per provider, and runs everything", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        async (providers, limit) => {
          const { tasks, peak } = fakeTasks(providers);
          const outcomes = await runWithLimits(tasks, { limitPerProvider: limit });
          for (const p of peak.values()) expect(p).toBeLessThanOrEqual(limit);
          // Providers do not wait on each other: each reaches its own limit when it has the work.
          for (const id of new Set(providers)) expect(peak.get(id)).toBe(Math.min(limit, providers.filter((p) => p === id).length));
          expect(outcomes.map((o) => o.key)).toEqual(tasks.map((t) => t.key));
          expect(outcomes.every((o) => o.status === "done")).toBe(true);
        },
      ),
      { numRuns: 60, seed: 31 },
    );
  });

  it("keeps going after a failure and reports it", async () => {
    const { tasks } = fakeTasks(["a", "a", "a", "a"], { fail: (i) => i === 1 });
    const events: [TaskEvent<string>, PoolProgress][] = [];
    const outcomes = await runWithLimits(tasks, { limitPerProvider: 1, onEvent: (e, p) => events.push([e, p]) });
    expect(outcomes.map((o) => o.status)).toEqual(["done", "failed", "done", "done"]);
    const failed = outcomes[1];
    expect(failed?.status === "failed" && (failed.error as Error).message).toBe("boom 1");
    expect(events.at(-1)![1]).toEqual({ total: 4, done: 3, failed: 1, cancelled: 0, running: 0, remaining: 0 });
    // Progress after the first task starts: one running, four remaining.
    expect(events[0]).toEqual([
      { key: "t0", status: "running" },
      { total: 4, done: 0, failed: 0, cancelled: 0, running: 1, remaining: 4 },
    ]);
  });

  it("turns a task that throws before returning a promise into a failure", async () => {
    const tasks: PoolTask<number>[] = [
      {
        key: "x",
        providerId: "a",
        run: () => {
          throw new Error("sync");
        },
      },
      { key: "y", providerId: "a", run: async () => 2 },
    ];
    const outcomes = await runWithLimits(tasks);
    expect(outcomes.map((o) => o.status)).toEqual(["failed", "done"]);
  });

  it("cancel-all starts nothing new and marks running and waiting tasks cancelled", async () => {
    const controller = new AbortController();
    const { tasks, started } = fakeTasks(
      Array.from({ length: 10 }, () => "a"),
      { ticks: () => 3 },
    );
    const pending = runWithLimits(tasks, {
      limitPerProvider: 2,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.key === "t1" && e.status === "done") controller.abort();
      },
    });
    const outcomes = await pending;
    expect(outcomes.slice(0, 2).map((o) => o.status)).toEqual(["done", "done"]);
    // t2 started when t0 finished and was torn down by the abort: cancelled, not failed.
    expect(outcomes.slice(2).every((o) => o.status === "cancelled")).toBe(true);
    expect(started.length).toBeLessThanOrEqual(4);
  });

  it("cancels everything at once when the signal is already aborted", async () => {
    const { tasks, started } = fakeTasks(["a", "b"]);
    const outcomes = await runWithLimits(tasks, { signal: AbortSignal.abort() });
    expect(outcomes).toEqual([
      { key: "t0", status: "cancelled" },
      { key: "t1", status: "cancelled" },
    ]);
    expect(started).toEqual([]);
  });

  it("resolves at once with no tasks, and a retry is just a pool of one", async () => {
    expect(await runWithLimits([])).toEqual([]);
    const { tasks } = fakeTasks(["a", "a"], { fail: (i) => i === 0 });
    const first = await runWithLimits(tasks);
    expect(first[0]!.status).toBe("failed");
    const retry = await runWithLimits([{ ...tasks[0]!, run: async () => "fixed" }]);
    expect(retry).toEqual([{ key: "t0", status: "done", value: "fixed" }]);
  });
});
