import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { loadSweepHistory, MAX_SWEEP_HISTORY, saveSweepHistory, SWEEP_HISTORY_KEY, withSweepEntry } from "./history";
import { pendingResult, type SweepDefinition } from "./schema";

const definition: SweepDefinition = {
  version: 1,
  session: emptySession("local", "local-ngram"),
  axes: [{ kind: "param", param: "seed", values: [1, 2] }],
};

function memory(limit = Number.POSITIVE_INFINITY) {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (v.length > limit) throw new Error("QuotaExceededError");
      data.set(k, v);
    },
  };
}

const entry = (id: string) => ({
  id,
  savedAt: "2026-01-01T00:00:00.000Z",
  definition,
  results: { "0": { ...pendingResult(), status: "done" as const, text: `answer ${id}` } },
});

describe("sweep history", () => {
  it("puts the newest first, replaces an entry with the same id and keeps at most the bound", () => {
    let list = withSweepEntry([], entry("a"));
    list = withSweepEntry(list, entry("b"));
    list = withSweepEntry(list, { ...entry("a"), results: { "0": { ...pendingResult(), status: "done", text: "again" } } });
    expect(list.map((e) => e.id)).toEqual(["a", "b"]);
    expect(list[0]?.results["0"]?.text).toBe("again");
    for (let i = 0; i < MAX_SWEEP_HISTORY + 3; i++) list = withSweepEntry(list, entry(`n${i}`));
    expect(list).toHaveLength(MAX_SWEEP_HISTORY);
    expect(list[0]?.id).toBe(`n${MAX_SWEEP_HISTORY + 2}`);
  });

  it("stores unfinished cells as cancelled and leaves key fields of the extra body out", () => {
    const withKey: SweepDefinition = { ...definition, session: { ...definition.session, extraBody: '{"api_key": "secret-123", "x": 1}' } };
    const [saved] = withSweepEntry([], {
      ...entry("k"),
      definition: withKey,
      results: { "0": { ...pendingResult(), status: "running" }, "1": pendingResult() },
    });
    expect(saved?.results["0"]?.status).toBe("cancelled");
    expect(saved?.results["1"]?.status).toBe("cancelled");
    expect(JSON.stringify(saved)).not.toContain("secret-123");
  });

  it("round-trips through storage and reports damaged data without throwing", () => {
    const store = memory();
    expect(saveSweepHistory(store, withSweepEntry([], entry("a")))).toBeNull();
    expect(loadSweepHistory(store).entries.map((e) => e.id)).toEqual(["a"]);
    store.data.set(SWEEP_HISTORY_KEY, "[{");
    expect(loadSweepHistory(store)).toEqual({ entries: [], notice: expect.stringMatching(/not valid JSON/) });
    store.data.set(SWEEP_HISTORY_KEY, JSON.stringify([{ id: "x" }]));
    expect(loadSweepHistory(store)).toEqual({ entries: [], notice: expect.stringMatching(/could not be used/) });
  });

  it("drops the oldest entries when storage is full", () => {
    const list = [entry("c"), entry("b"), entry("a")].reduce((l, e) => withSweepEntry(l, e), [] as ReturnType<typeof withSweepEntry>);
    const one = JSON.stringify(list.slice(0, 1)).length;
    const store = memory(one * 2);
    expect(saveSweepHistory(store, list)).toMatch(/kept the \d newest/);
    const kept = loadSweepHistory(store).entries;
    expect(kept.length).toBeLessThan(3);
    expect(kept[0]?.id).toBe("a");
    expect(saveSweepHistory(memory(10), list)).toMatch(/could not be kept/);
  });
});
