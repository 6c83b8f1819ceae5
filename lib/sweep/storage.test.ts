import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { saveSweep, SWEEP_KEY } from "./persist";
import { pendingResult, type SweepDefinition } from "./schema";
import { loadSweep } from "./storage";

const definition: SweepDefinition = {
  version: 1,
  session: emptySession("local", "local-ngram"),
  axes: [{ kind: "param", param: "temperature", values: [0, 1] }],
};

function memory() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe("sweep storage", () => {
  it("round-trips a sweep, saving running cells as pending", () => {
    const store = memory();
    expect(
      saveSweep(store, {
        definition,
        results: { "0": { ...pendingResult(), status: "running" }, "1": { ...pendingResult(), status: "done", text: "hi" } },
      }),
    ).toBeNull();
    const { sweep } = loadSweep(store);
    expect(sweep?.definition).toEqual(definition);
    expect(sweep?.results["0"]?.status).toBe("pending");
    expect(sweep?.results["1"]?.text).toBe("hi");
    expect(sweep?.runId).toBeNull();
    saveSweep(store, { definition, results: {}, runId: "s-1" });
    expect(loadSweep(store).sweep?.runId).toBe("s-1");
  });

  it("reports damaged data instead of throwing", () => {
    const store = memory();
    store.data.set(SWEEP_KEY, "{oops");
    expect(loadSweep(store)).toEqual({ sweep: null, notice: expect.stringMatching(/not valid JSON/) });
    store.data.set(SWEEP_KEY, JSON.stringify({ definition: { ...definition, axes: [] }, results: {} }));
    expect(loadSweep(store).notice).toMatch(/axes/);
  });
});
