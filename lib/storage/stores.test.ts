import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryStorage, refusingWindow } from "../../test/support/memory-storage";
import { HISTORY_KEY, saveHistory } from "../run/history";
import { readHistory } from "../run/history-schema";
import { KeyStore, keyStorageName } from "../keys/store";
import { loadSession } from "../session/load";
import { SESSION_KEY, saveSession } from "../session/storage";
import { loadCompare } from "../compare/schema";
import { COMPARE_KEY, saveCompare } from "../compare/storage";
import { EVAL_HISTORY_KEY, loadEvalHistory, saveEvalHistory } from "../evaluate/history";
import { EVALUATE_KEY, saveEvaluation } from "../evaluate/persist";
import { loadEvaluation } from "../evaluate/storage";
import { PRICES_KEY } from "../pricing/prices";
import { loadPrices, savePrices } from "../pricing/storage";
import { loadSweepHistory, SWEEP_HISTORY_KEY, saveSweepHistory } from "../sweep/history";
import { SWEEP_KEY, saveSweep } from "../sweep/persist";
import { loadSweep } from "../sweep/storage";
import { browserStorage, type StorageLike } from "./browser-storage";

/*
 * Every store, as the browser holds it today: text written before the one storage helper, typed
 * out here so that a change of format cannot pass unnoticed. Then, for each store, the four ways
 * storage goes wrong; each gives a notice and loses nothing else.
 */
const SESSION =
  '{"version":2,"providerId":"local","model":"local-ngram","baseUrl":"","mode":"chat","systemPrompt":"old","messages":[{"id":"m1","role":"user","content":"hi"}],"prompt":"","params":{"stream":{"enabled":true,"value":true}},"extraBody":""}';
/** Version 1 (text-only messages) still opens. */
const SESSION_V1 =
  '{"version":1,"providerId":"local","model":"local-ngram","baseUrl":"","mode":"chat","systemPrompt":"","messages":[{"id":"m1","role":"user","content":"hi"}],"prompt":"","params":{},"extraBody":""}';
const TARGET = '{"id":"t-1","providerId":"local","model":"local-ngram","baseUrl":"","params":{"stream":{"enabled":true,"value":true}}}';
const COMPARE = `{"version":1,"session":${SESSION},"columns":[${TARGET},${TARGET.replace("t-1", "t-2")}],"baselineId":"t-1","repeats":1}`;
const CELL =
  '{"status":"done","text":"a","finishReason":null,"ttftMs":null,"totalMs":null,"completionTokens":null,"schemaValid":null,"error":null}';
const SWEEP_DEFINITION = `{"version":1,"session":${SESSION},"axes":[{"kind":"param","param":"seed","values":[1,2]}]}`;
const SWEEP = `{"definition":${SWEEP_DEFINITION},"results":{"0":${CELL}},"runId":"s1"}`;
/** Saved before sweeps had a run id. */
const SWEEP_WITHOUT_RUN_ID = `{"definition":${SWEEP_DEFINITION},"results":{"0":${CELL}}}`;
const EVALUATION_DEFINITION = `{"version":1,"session":${SESSION},"targets":[${TARGET}],"repeats":1,"casesText":"","assertions":[]}`;
const RUN =
  '{"status":"pending","text":"","finishReason":null,"ttftMs":null,"totalMs":null,"completionTokens":null,"promptTokens":null,"schemaValid":null,"error":null,"checks":[]}';
const EVALUATION = `{"definition":${EVALUATION_DEFINITION},"ran":null,"results":{"0:t-1:0":${RUN}},"runId":null}`;
const PRICES = '[{"providerId":"openai","model":"","input":2.5,"output":10}]';
const SWEEP_HISTORY = `[{"id":"s1","savedAt":"2026-01-01T00:00:00.000Z","definition":${SWEEP_DEFINITION},"results":{"0":${CELL}}}]`;
const EVAL_HISTORY = `[{"id":"e1","savedAt":"2026-01-01T00:00:00.000Z","definition":${EVALUATION_DEFINITION},"results":{"0:t-1:0":${RUN}}}]`;
/** A run saved before reasoning timings existed (no firstReasoningMs, firstAnswerMs). */
const HISTORY = `[{"id":"r1","at":1,"session":${SESSION},"url":"/api/proxy/local/chat/completions","requestText":"{}","requestHeaders":{"Authorization":"Bearer sk-…abcd"},"state":"done","status":200,"statusText":"OK","responseHeaders":[["content-type","application/json"]],"upstreamUrl":null,"streamed":false,"bodyText":"{}","events":[],"droppedEvents":0,"final":null,"errorMessage":null,"errorStatus":null,"preview":"hello","timing":{"headersMs":1,"firstTokenMs":null,"totalMs":2,"deltaCount":0}}]`;

interface Store {
  name: string;
  key: string;
  /** What the browser holds today. */
  stored: string;
  /** Loads: the value (null when none) and the notice. */
  load: (s: StorageLike | null) => { value: unknown; notice: string | null };
  /** Saves the value `load` gave back; the notice, if any. */
  save: (s: StorageLike | null, value: never) => string | null;
  /** JSON this store's schema refuses. */
  invalid: string;
}

/** A list store's load as a value: null when it holds no entries. */
const asValue = (l: { entries: unknown[]; notice: string | null }) => ({ value: l.entries.length ? l.entries : null, notice: l.notice });

const stores: Store[] = [
  {
    name: "session",
    key: SESSION_KEY,
    stored: SESSION,
    invalid: '{"version":3}',
    load: (s) => ((l) => ({ value: l.fresh || l.notice ? null : l.session, notice: l.notice }))(loadSession(s)),
    save: saveSession,
  },
  {
    name: "compare view",
    key: COMPARE_KEY,
    stored: COMPARE,
    invalid: COMPARE.replace('"baselineId":"t-1"', '"baselineId":"x"'),
    load: (s) => ((l) => ({ value: l.state, notice: l.notice }))(loadCompare(s)),
    save: saveCompare,
  },
  {
    name: "sweep",
    key: SWEEP_KEY,
    stored: SWEEP,
    invalid: '{"definition":{},"results":{}}',
    load: (s) => ((l) => ({ value: l.sweep, notice: l.notice }))(loadSweep(s)),
    save: saveSweep,
  },
  {
    name: "evaluation",
    key: EVALUATE_KEY,
    stored: EVALUATION,
    invalid: '{"definition":1}',
    load: (s) => ((l) => ({ value: l.stored, notice: l.notice }))(loadEvaluation(s)),
    save: saveEvaluation,
  },
  {
    name: "price table",
    key: PRICES_KEY,
    stored: PRICES,
    invalid: '[{"providerId":"nobody"}]',
    load: (s) => asValue(loadPrices(s)),
    save: savePrices,
  },
  {
    name: "sweep history",
    key: SWEEP_HISTORY_KEY,
    stored: SWEEP_HISTORY,
    invalid: '[{"id":"s1"}]',
    load: (s) => asValue(loadSweepHistory(s)),
    save: saveSweepHistory,
  },
  {
    name: "evaluation history",
    key: EVAL_HISTORY_KEY,
    stored: EVAL_HISTORY,
    invalid: '{"not":"a list"}',
    load: (s) => asValue(loadEvalHistory(s)),
    save: saveEvalHistory,
  },
  {
    name: "run history",
    key: HISTORY_KEY,
    stored: HISTORY,
    invalid: '{"not":"a list"}',
    load: (s) => asValue(readHistory(s)),
    save: (s, v: never) => {
      saveHistory(s, v);
      return null;
    },
  },
];

/** Another page's data in the same storage, which no store may touch. */
const NEIGHBOUR = ["playground.neighbour", "left alone"] as const;

function holding(key: string, text: string, limit?: number) {
  const s = memoryStorage(limit);
  s.setItem(...NEIGHBOUR);
  s.setItem(key, text);
  return s;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each(stores)("the $name store", ({ name, key, stored, invalid, load, save }) => {
  it("loads what the browser holds today and writes it back as it was", () => {
    const s = holding(key, stored);
    const { value, notice } = load(s);
    expect(notice).toBeNull();
    expect(value).not.toBeNull();
    expect(save(s, value as never)).toBeNull();
    expect(load(s).value).toEqual(value);
    expect(s.getItem(NEIGHBOUR[0])).toBe(NEIGHBOUR[1]);
  });

  it("a browser that refuses storage gives a notice, not an exception", () => {
    const value = load(holding(key, stored)).value;
    refusingWindow();
    const refused = browserStorage();
    expect(load(refused)).toEqual({ value: null, notice: expect.stringMatching(/does not allow reading/) });
    // the run history has no notice of its own when saving: the tab keeps its runs (tested below)
    if (name !== "run history") expect(save(refused, value as never)).toMatch(/does not allow storage/);
  });

  it("text that is not JSON, or data the schema refuses, gives a notice and is left in storage", () => {
    for (const text of ["{oops", invalid]) {
      const s = holding(key, text);
      expect(load(s)).toEqual({ value: null, notice: expect.stringMatching(text === invalid ? /could not be used/ : /not valid JSON/) });
      expect(s.getItem(key)).toBe(text);
      expect(s.getItem(NEIGHBOUR[0])).toBe(NEIGHBOUR[1]);
    }
  });

  it("a full storage keeps what was stored before and touches nothing else", () => {
    const value = load(holding(key, stored)).value;
    const s = holding(key, "before", "before".length + NEIGHBOUR[1].length);
    save(s, value as never);
    expect(s.getItem(key)).toBe("before");
    expect(s.getItem(NEIGHBOUR[0])).toBe(NEIGHBOUR[1]);
  });
});

describe("notices of a full storage", () => {
  it("name the page's data (the session says what the user can do)", () => {
    const saveFull = (i: number) => {
      const store = stores[i]!;
      return store.save(memoryStorage(0), store.load(holding(store.key, store.stored)).value as never);
    };
    expect(saveFull(0)).toMatch(/too big for the browser's storage/);
    expect(saveFull(1)).toMatch(/^Could not save the compare view: /);
    expect(saveFull(2)).toMatch(/^Could not save the sweep: /);
    expect(saveFull(3)).toMatch(/^Could not save the evaluation: /);
    expect(saveFull(4)).toMatch(/^Could not save the price table: /);
    expect(saveFull(5)).toBe("Storage is full: this sweep could not be kept in history.");
    expect(saveFull(6)).toBe("Storage is full: this evaluation could not be kept in history.");
  });
});

describe("old data", () => {
  it("a version-1 session opens as the current version", () => {
    expect(loadSession(holding(SESSION_KEY, SESSION_V1))).toMatchObject({
      notice: null,
      fresh: false,
      session: { version: 2, messages: [{ content: "hi" }] },
    });
  });

  it("a sweep saved without a run id opens", () => {
    expect(loadSweep(holding(SWEEP_KEY, SWEEP_WITHOUT_RUN_ID)).sweep?.runId).toBeUndefined();
  });

  it("one damaged run in the history is left out, the others are shown, and the notice says so", () => {
    const runs = JSON.parse(HISTORY) as unknown[];
    const s = holding(HISTORY_KEY, JSON.stringify([...runs, { bogus: true }]));
    expect(readHistory(s)).toEqual({
      entries: [expect.objectContaining({ id: "r1", preview: "hello" })],
      notice: "1 of the 2 runs in the history could not be used; the others are shown.",
    });
  });

  it("a remembered key (plain text, not JSON) is read back", () => {
    const s = holding(keyStorageName("openai"), "sk-old");
    expect(new KeyStore(() => s).get("openai")).toEqual({ key: "sk-old", remember: true });
  });
});

describe("run history when storage is full", () => {
  it("keeps the newest runs that fit, on screen and stored", () => {
    const run = (JSON.parse(HISTORY) as { id: string }[])[0]!;
    const runs = Array.from({ length: 10 }, (_, i) => ({ ...run, id: `r${i}` }));
    const s = memoryStorage(JSON.stringify(runs.slice(0, 4)).length);
    const kept = saveHistory(s, runs as never);
    expect(kept.map((r) => r.id)).toEqual(["r0", "r1", "r2", "r3"]);
    expect(readHistory(s).entries.map((r) => r.id)).toEqual(["r0", "r1", "r2", "r3"]);
    expect(saveHistory(memoryStorage(10), runs as never).map((r) => r.id)).toEqual(["r0"]);
  });

  it("keeps every run in the tab where the browser refuses storage", () => {
    const run = (JSON.parse(HISTORY) as { id: string }[])[0]!;
    refusingWindow();
    expect(saveHistory(browserStorage(), [run, { ...run, id: "r2" }] as never)).toHaveLength(2);
  });
});

describe("keys where the browser refuses storage", () => {
  it("are kept for the tab, and nothing throws", () => {
    refusingWindow();
    const store = new KeyStore(browserStorage);
    store.set("openai", "sk-tab", true);
    expect(store.get("openai")).toEqual({ key: "sk-tab", remember: true });
    store.set("openai", "sk-tab", false);
    expect(new KeyStore(browserStorage).get("openai")).toEqual({ key: "", remember: false });
  });
});
