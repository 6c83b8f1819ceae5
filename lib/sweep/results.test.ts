import { describe, expect, it } from "vitest";
import { newRecord } from "../run/run";
import { emptySession } from "../session/schema";
import { cellResultFromRun, failedResult, requestedSchema } from "./results";

describe("cellResultFromRun", () => {
  it("keeps the first choice's tokens and log-probabilities, with -Infinity stored as a finite floor", () => {
    const tokens = [
      {
        token: "Hi",
        logprob: -0.1,
        top: [
          { token: "Hi", logprob: -0.1 },
          { token: "Yo", logprob: Number.NEGATIVE_INFINITY },
        ],
      },
      { token: "!", logprob: -2, top: [] },
    ];
    const record = {
      ...newRecord(),
      state: "done" as const,
      choices: [{ index: 0, text: "Hi!", toolCalls: [], logprobs: tokens, finishReason: "stop" }],
    };
    const cell = cellResultFromRun(record, null);
    expect(cell.logprobs?.map((t) => t.token)).toEqual(["Hi", "!"]);
    expect(cell.logprobs?.[0]?.top[1]).toEqual({ token: "Yo", logprob: -1000 });
    expect(JSON.parse(JSON.stringify(cell))).toEqual(cell);
    expect("logprobs" in cellResultFromRun({ ...record, choices: [{ ...record.choices[0]!, logprobs: [] }] }, null)).toBe(false);
  });

  it("takes the first choice, its finish reason, timings and usage", () => {
    const record = {
      ...newRecord(),
      state: "done" as const,
      streamed: true,
      choices: [{ index: 0, text: "Hello", toolCalls: [], logprobs: [], finishReason: "length" }],
      usage: { prompt_tokens: 3, completion_tokens: 7 },
      firstTokenMs: 120,
      totalMs: 480,
    };
    expect(cellResultFromRun(record, true)).toEqual({
      status: "done",
      text: "Hello",
      finishReason: "length",
      ttftMs: 120,
      totalMs: 480,
      completionTokens: 7,
      promptTokens: 3,
      schemaValid: true,
      error: null,
    });
  });

  it("counts streamed chunks when usage is missing, and keeps the provider's error", () => {
    const streamed = { ...newRecord(), state: "done" as const, streamed: true, deltaCount: 5, totalMs: 100 };
    expect(cellResultFromRun(streamed, null).completionTokens).toBe(5);
    const failed = {
      ...newRecord(),
      state: "error" as const,
      status: 401,
      error: { kind: "http" as const, status: 401, message: "Invalid key" },
    };
    expect(cellResultFromRun(failed, true)).toMatchObject({
      status: "failed",
      schemaValid: null,
      error: { status: 401, message: "Invalid key" },
    });
    expect(cellResultFromRun({ ...newRecord(), state: "stopped" }, null).status).toBe("cancelled");
    expect(failedResult("No network")).toMatchObject({ status: "failed", error: { status: null, message: "No network" } });
  });
});

describe("requestedSchema", () => {
  const session = emptySession("local");
  it("finds guided_json, else a json_schema response format, only when enabled", () => {
    const schema = { type: "object" };
    expect(requestedSchema({ ...session, params: { guided_json: { enabled: true, value: schema } } })).toBe(schema);
    expect(requestedSchema({ ...session, params: { guided_json: { enabled: false, value: schema } } })).toBeUndefined();
    const format = { type: "json_schema", json_schema: { name: "x", schema } };
    expect(requestedSchema({ ...session, params: { response_format: { enabled: true, value: format } } })).toBe(schema);
    expect(requestedSchema({ ...session, params: { response_format: { enabled: true, value: { type: "json_object" } } } })).toBeUndefined();
  });
});
