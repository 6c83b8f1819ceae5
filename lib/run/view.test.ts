import { describe, expect, it } from "vitest";
import { choicesFromBody, usageFromBody } from "../stream/assemble";
import { defaultSession } from "../session/state";
import { makeEntry, viewFromEntry } from "./history";
import { newRecord } from "./run";
import { historyEntrySchema, type RunRecord } from "./schema";
import { viewFromRecord } from "./view";

describe("viewFromEntry", () => {
  it("reopens a stored streamed run with its choices, events, usage and error", () => {
    const r = newRecord();
    r.state = "error";
    r.status = 200;
    r.streamed = true;
    r.events = [
      { t: 3, data: '{"choices":[]}', ok: true },
      { t: 5, data: "oops", ok: false },
    ];
    r.final = {
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: "Half" }, finish_reason: null }],
      usage: { completion_tokens: 2 },
    };
    r.error = { kind: "bad-line", status: 200, message: "not JSON: oops" };
    r.firstTokenMs = 3;
    r.totalMs = 9;
    const entry = makeEntry({
      id: "r1",
      at: 1,
      session: defaultSession(),
      url: "/api/proxy/local/chat/completions",
      requestText: "{}",
      requestHeaders: {},
      record: r,
    });
    const view = viewFromEntry(JSON.parse(JSON.stringify(entry)));
    expect(view.choices[0]).toMatchObject({ text: "Half", logprobCount: 0 });
    expect(view.eventCount).toBe(2);
    expect(view.usage).toEqual({ completion_tokens: 2 });
    expect(view.error?.message).toBe("not JSON: oops");
    expect(view.totalMs).toBe(9);
    expect(view.fromHistory).toBe(true);
  });
});

describe("a run's round trip: record → history entry → view", () => {
  const final = {
    object: "chat.completion",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: "Hi",
          reasoning_content: "think",
          tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }],
        },
        finish_reason: "tool_calls",
        logprobs: { content: [{ token: "Hi", logprob: -0.1, top_logprobs: [] }] },
      },
      { index: 1, message: { role: "assistant", content: "Hello" }, finish_reason: "length" },
    ],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
  };
  const request = {
    id: "r9",
    startedAt: 42,
    session: defaultSession(),
    url: "/api/proxy/local/chat/completions",
    requestText: '{"n":2}',
    requestHeaders: { Authorization: "Bearer sk-…abcd" },
  };

  function record(): RunRecord {
    const r = newRecord();
    Object.assign(r, {
      state: "error",
      status: 200,
      statusText: "OK",
      responseHeaders: [["content-type", "text/event-stream"]],
      upstreamUrl: "https://api.example.com/v1/chat/completions",
      streamed: true,
      bodyText: "partial",
      events: [{ t: 3, event: "message", data: "{}", ok: true }],
      choices: choicesFromBody(final),
      usage: usageFromBody(final),
      final,
      error: { kind: "upstream", status: 200, message: "overloaded", type: "server_error", code: "529" },
      headersMs: 1,
      firstTokenMs: 3,
      firstReasoningMs: 3,
      firstAnswerMs: 4,
      totalMs: 9,
      deltaCount: 7,
      sawDone: false,
    } satisfies Partial<RunRecord>);
    return r;
  }

  it("keeps every field of the record and of the request, the error's kind, type and code included", () => {
    const r = record();
    const entry = makeEntry({ ...request, at: request.startedAt, record: r });
    const stored = historyEntrySchema.parse(JSON.parse(JSON.stringify(entry)));
    expect(viewFromEntry(stored)).toEqual({ ...viewFromRecord(request, r), fromHistory: true });
  });

  it("an entry stored before the error kind and [DONE] were kept opens as it did: an http error, [DONE] seen", () => {
    const { errorKind, errorType, errorCode, sawDone, ...old } = makeEntry({ ...request, at: 1, record: record() });
    const view = viewFromEntry(historyEntrySchema.parse(old));
    expect(view.error).toEqual({ kind: "http", status: 200, message: "overloaded" });
    expect(view.sawDone).toBe(true);
  });

  it("a view copies the record, so the assembler growing it in place does not change an earlier frame", () => {
    const r = record();
    const view = viewFromRecord(request, r);
    const choice = r.choices[0];
    if (!choice?.reasoning) throw new Error("the fixture has reasoning");
    choice.reasoning.text += " more";
    choice.toolCalls[0]!.function.arguments += "x";
    expect(view.choices[0]).toMatchObject({
      reasoning: { text: "think" },
      logprobCount: 1,
      toolCalls: [{ function: { arguments: "{}" } }],
    });
  });
});
