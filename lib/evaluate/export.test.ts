import { describe, expect, it } from "vitest";
import { emptySession } from "../session/empty";
import { newAssertion } from "./assertion-kinds";
import type { Assertion } from "./assertion-schema";
import { parseCases } from "./cases";
import { toEvalCsv, toEvalJson } from "./export";
import { loadEvalHistory, MAX_EVAL_HISTORY, saveEvalHistory, withEvalEntry } from "./history";
import { pendingRun, runKey } from "./keys";
import type { EvalRun, Evaluation } from "./schema";
import { loadEvaluation } from "./storage";
import { EVALUATE_KEY, saveEvaluation } from "./persist";

const ev: Evaluation = {
  version: 1,
  session: {
    ...emptySession("local", "local-ngram"),
    messages: [{ id: "m", role: "user", content: "{{q}}" }],
    extraBody: '{"openai_api_key": "sk-secret-1234567890", "x": 1}',
  },
  targets: [{ id: "t1", providerId: "local", model: "local-ngram", baseUrl: "", params: {} }],
  repeats: 2,
  casesText: 'q,expected\n"a, b",=1+1\n',
  assertions: [{ ...newAssertion("contains"), value: "b" } as Assertion],
};
const cases = parseCases(ev.casesText).cases;
const done = (text: string, pass: boolean): EvalRun => ({
  ...pendingRun(),
  status: "done",
  text,
  totalMs: 12,
  checks: [{ status: pass ? "pass" : "fail", reason: "" }],
});
const results = {
  [runKey(0, "t1", 0)]: done("a b", true),
  [runKey(0, "t1", 1)]: { ...pendingRun(), status: "failed" as const, error: { status: 429, message: "slow down" } },
};

class MemoryStorage {
  data = new Map<string, string>();
  limit = Number.POSITIVE_INFINITY;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.limit) throw new Error("QuotaExceededError");
    this.data.set(k, v);
  }
}

describe("evaluation export", () => {
  it("CSV: one row per run, variables, expected, verdicts by assertion name, formulas guarded", () => {
    const csv = toEvalCsv(ev, cases, results);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "case_line,q,expected,target,provider,model,repeat,status,passed,Contains “b”,finish_reason,ttft_ms,total_ms,prompt_tokens,completion_tokens,text,error",
    );
    expect(lines[1]).toBe('2,"a, b",\'=1+1,1,local,local-ngram,1,done,true,pass,,,12,,,a b,');
    expect(lines[2]).toBe('2,"a, b",\'=1+1,1,local,local-ngram,2,failed,,,,,,,,,429 slow down');
    expect(toEvalCsv(ev, cases, results, { guardFormulas: false })).toContain(",=1+1,");
  });

  it("JSON: the definition without keys, and the results", () => {
    const json = JSON.parse(toEvalJson(ev, results));
    expect(json.format).toBe("llm-playground-evaluation");
    expect(json.definition.session.extraBody).not.toContain("sk-secret");
    expect(JSON.parse(json.definition.session.extraBody)).toEqual({ x: 1 });
    expect(json.results[runKey(0, "t1", 0)].text).toBe("a b");
  });
});

describe("evaluation storage and history", () => {
  it("saves and reads back the page, a running run as pending; a damaged one is a notice", () => {
    const s = new MemoryStorage();
    expect(
      saveEvaluation(s, { definition: ev, ran: ev, results: { ...results, x: { ...pendingRun(), status: "running" } }, runId: "e-1" }),
    ).toBeNull();
    const back = loadEvaluation(s);
    expect(back.stored?.definition).toEqual(ev);
    expect(back.stored?.results.x?.status).toBe("pending");
    s.data.set(EVALUATE_KEY, '{"definition": 1}');
    expect(loadEvaluation(s).notice).toMatch(/^The saved evaluation could not be used \(definition: /);
  });

  it("keeps the newest runs, replaces a retried one, strips keys and closes open runs", () => {
    let entries = withEvalEntry([], {
      id: "a",
      savedAt: "2026-01-01T00:00:00Z",
      definition: ev,
      results: { k: { ...pendingRun(), status: "running" } },
    });
    expect(entries[0]!.definition.session.extraBody).not.toContain("sk-secret");
    expect(entries[0]!.results.k!.status).toBe("cancelled");
    for (let i = 0; i < MAX_EVAL_HISTORY + 2; i++)
      entries = withEvalEntry(entries, { id: `r${i}`, savedAt: "2026-01-01T00:00:00Z", definition: ev, results });
    entries = withEvalEntry(entries, { id: "r5", savedAt: "2026-01-02T00:00:00Z", definition: ev, results: {} });
    expect(entries).toHaveLength(MAX_EVAL_HISTORY);
    expect(entries[0]!.id).toBe("r5");
    expect(entries.filter((e) => e.id === "r5")).toHaveLength(1);
    const s = new MemoryStorage();
    expect(saveEvalHistory(s, entries)).toBeNull();
    expect(loadEvalHistory(s).entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    s.limit = JSON.stringify(entries.slice(0, 3)).length;
    expect(saveEvalHistory(s, entries)).toBe("Storage is full: kept the 3 newest evaluations in history.");
  });
});
