import { describe, expect, it } from "vitest";
import { emptySession, type Session } from "../session/schema";
import { requestDifferences, wordDiff } from "./diff";
import { bestPerField, type RunSample, summarizeTarget } from "./results";
import { loadCompare } from "./schema";
import { COMPARE_KEY } from "./storage";
import { columnSession, compareReducer, initialCompare, MAX_COLUMNS } from "./state";

const base: Session = {
  ...emptySession("local", "local-ngram"),
  systemPrompt: "Be brief.",
  params: { temperature: { enabled: true, value: 0.2 } },
};

describe("compare state", () => {
  it("starts with two equal targets, the first as baseline, and adds copies of the last", () => {
    let s = initialCompare(base);
    expect(s.columns).toHaveLength(2);
    expect(s.baselineId).toBe(s.columns[0]?.id);
    s = compareReducer(s, {
      type: "columnAction",
      id: s.columns[1]?.id ?? "",
      action: { type: "setParam", name: "temperature", state: { enabled: true, value: 1.5 } },
    });
    s = compareReducer(s, { type: "add" });
    expect(s.columns[2]?.params).toEqual({ temperature: { enabled: true, value: 1.5 } });
    expect(new Set(s.columns.map((c) => c.id)).size).toBe(3);
    for (let i = 0; i < 10; i++) s = compareReducer(s, { type: "add" });
    expect(s.columns).toHaveLength(MAX_COLUMNS);
  });

  it("a column edit keeps the target in the column and shares the conversation", () => {
    let s = initialCompare(base);
    const [a, b] = s.columns;
    s = compareReducer(s, { type: "columnAction", id: b!.id, action: { type: "setProvider", providerId: "horay" } });
    s = compareReducer(s, { type: "columnAction", id: b!.id, action: { type: "setModel", model: "m" } });
    s = compareReducer(s, { type: "columnAction", id: b!.id, action: { type: "setSystemPrompt", text: "Shared now" } });
    expect(columnSession(s, s.columns[1]!)).toMatchObject({ providerId: "horay", model: "m", systemPrompt: "Shared now" });
    expect(columnSession(s, s.columns[0]!)).toMatchObject({ providerId: "local", systemPrompt: "Shared now" });
    expect(s.columns[0]).toEqual(a);
  });

  it("removes down to two, moves the baseline on removal, reorders and duplicates", () => {
    let s = compareReducer(initialCompare(base), { type: "add" });
    const [first, second, third] = s.columns;
    s = compareReducer(s, { type: "move", id: third!.id, by: -1 });
    expect(s.columns.map((c) => c.id)).toEqual([first!.id, third!.id, second!.id]);
    s = compareReducer(s, { type: "remove", id: first!.id });
    expect(s.baselineId).toBe(third!.id);
    s = compareReducer(s, { type: "remove", id: second!.id });
    expect(s.columns).toHaveLength(2);
    s = compareReducer(s, { type: "duplicate", id: third!.id });
    expect(s.columns[1]).toMatchObject({ providerId: third!.providerId, params: third!.params });
    expect(compareReducer(s, { type: "setRepeats", repeats: 99 }).repeats).toBe(10);
  });

  it("loads only a valid stored view and says why otherwise", () => {
    const store = (v: string) => ({ getItem: (k: string) => (k === COMPARE_KEY ? v : null) });
    const good = initialCompare(base);
    expect(loadCompare(store(JSON.stringify(good))).state).toEqual(good);
    expect(loadCompare(store("{nope")).notice).toMatch(/not valid JSON/);
    expect(loadCompare(store(JSON.stringify({ ...good, baselineId: "x" }))).notice).toMatch(/baseline/);
    expect(loadCompare(store(JSON.stringify({ ...good, columns: good.columns.slice(0, 1) }))).state).toBeNull();
  });
});

describe("word diff and request differences", () => {
  it("marks words added and removed against the baseline, and joins back to each text", () => {
    const a = "the quick brown fox jumps";
    const b = "the slow brown fox leaps high";
    const parts = wordDiff(a, b);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(b);
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe(a);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["slow", "leaps high"]);
    expect(wordDiff("same text", "same text")).toEqual([{ kind: "same", text: "same text" }]);
  });

  it("diffs long answers word by word instead of giving up (the old table stopped past 2,000 words)", () => {
    const a = Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(" ");
    const b = a.replace("w2500 ", "changed ");
    const parts = wordDiff(a, b);
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["w2500"]);
    expect(parts.filter((p) => p.kind === "added").map((p) => p.text)).toEqual(["changed"]);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe(b);
  });

  it("names exactly the request fields that differ", () => {
    const a = JSON.stringify({ model: "m", messages: [], temperature: 0.2, seed: 1 });
    const b = JSON.stringify({ model: "m", messages: [], temperature: 0.9, top_p: 0.5 });
    expect(requestDifferences(a, b)).toEqual(["temperature: 0.2 → 0.9", "seed: 1 → (not set)", "top_p: (not set) → 0.5"]);
    expect(requestDifferences(a, a)).toEqual([]);
  });
});

describe("results", () => {
  const sample = (over: Partial<RunSample>): RunSample => ({
    ttftMs: 10,
    totalMs: 100,
    tokensPerSecond: 50,
    promptTokens: 5,
    completionTokens: 20,
    finishReason: "stop",
    answerLength: 80,
    schemaHeld: null,
    failed: false,
    ...over,
  });

  it("gives medians and spread over repeats, leaving failed runs out", () => {
    const s = summarizeTarget([
      sample({ ttftMs: 10 }),
      sample({ ttftMs: 30 }),
      sample({ ttftMs: 20 }),
      sample({ failed: true, ttftMs: 1 }),
    ]);
    expect(s.figures.ttftMs).toEqual({ median: 20, min: 10, max: 30, n: 3 });
    expect(s).toMatchObject({ runs: 4, failed: 1, finishReasons: ["stop"], schemaHeld: null });
    expect(summarizeTarget([sample({ schemaHeld: true }), sample({ schemaHeld: false })]).schemaHeld).toEqual({ held: 1, of: 2 });
  });

  it("highlights the lowest latency and the highest throughput", () => {
    const a = summarizeTarget([sample({ ttftMs: 5, tokensPerSecond: 10 })]);
    const b = summarizeTarget([sample({ ttftMs: 9, tokensPerSecond: 90, totalMs: 50 })]);
    expect(bestPerField([a, b])).toEqual({ ttftMs: 0, totalMs: 1, tokensPerSecond: 1 });
    expect(bestPerField([summarizeTarget([sample({ failed: true })])])).toEqual({});
  });
});
