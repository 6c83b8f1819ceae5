import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { parseJsonExport, redactDefinition, toJsonExport } from "./export";
import { expandGrid } from "./grid";
import { type CellResult, pendingResult, type SweepDefinition } from "./schema";

const def: SweepDefinition = {
  version: 1,
  session: { ...emptySession("telnyx", "mistralai/Mistral-7B-Instruct-v0.1"), extraBody: '{"openai_api_key":"sk-secret","top_k":5}' },
  axes: [
    { kind: "param", param: "temperature", values: [0, 1] },
    { kind: "param", param: "guided_json", values: [{ type: "object" }] },
  ],
};
const { cells } = expandGrid(def);
const done: CellResult = { ...pendingResult(), status: "done", text: "{}", finishReason: "stop", totalMs: 10, schemaValid: true };

describe("JSON export", () => {
  it("round-trips definition and results, without keys from the extra body", () => {
    const text = toJsonExport(def, cells, { "0-0": done, "1-0": { ...pendingResult(), status: "running" } }, "2025-01-01T00:00:00Z");
    expect(text).not.toContain("sk-secret");
    const back = parseJsonExport(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.definition.axes).toEqual(def.axes);
    expect(JSON.parse(back.definition.session.extraBody)).toEqual({ top_k: 5 });
    expect(back.results["0-0"]).toEqual(done);
    // Nothing runs a reopened sweep: a cell caught running comes back cancelled.
    expect(back.results["1-0"]!.status).toBe("cancelled");
    expect(back.ignored).toBe(0);
  });

  it("ignores results for cells the grid does not have, and explains a wrong file", () => {
    const raw = JSON.parse(toJsonExport(def, cells, {}));
    raw.cells.push({ key: "9-9", coords: [9, 9], label: "x", result: done });
    const back = parseJsonExport(JSON.stringify(raw));
    expect(back.ok && back.ignored).toBe(1);
    expect(parseJsonExport("nope")).toMatchObject({ ok: false, error: expect.stringMatching(/^This file is not JSON/) });
    expect(parseJsonExport('{"kind":"sweep","version":1}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^This is not a sweep export: definition/),
    });
  });

  it("redactDefinition names what it removed and leaves clean definitions as they are", () => {
    expect(redactDefinition(def).removed).toEqual(["openai_api_key"]);
    const clean = { ...def, session: { ...def.session, extraBody: "" } };
    expect(redactDefinition(clean).definition).toBe(clean);
  });
});
