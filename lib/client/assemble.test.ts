import { describe, expect, it } from "vitest";
import { choicesFromBody, StreamAssembler } from "./assemble";

describe("StreamAssembler", () => {
  it("assembles chat chunks of two choices into the final object", () => {
    const a = new StreamAssembler();
    a.push({ id: "c1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { role: "assistant", content: "" } }, { index: 1, delta: { role: "assistant", content: "" } }] });
    a.push({ id: "c1", choices: [{ index: 0, delta: { content: "Hel" } }] });
    a.push({ id: "c1", choices: [{ index: 1, delta: { content: "Bye" } }] });
    a.push({ id: "c1", choices: [{ index: 0, delta: { content: "lo" }, finish_reason: "stop" }] });
    a.push({ id: "c1", choices: [{ index: 1, delta: {}, finish_reason: "length" }] });
    a.push({ id: "c1", choices: [], usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 } });
    expect(a.final()).toEqual({
      id: "c1",
      object: "chat.completion",
      created: 1,
      model: "m",
      choices: [
        { index: 0, message: { role: "assistant", content: "Hello" }, logprobs: null, finish_reason: "stop" },
        { index: 1, message: { role: "assistant", content: "Bye" }, logprobs: null, finish_reason: "length" },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
    });
    expect(a.deltaCount).toBe(3);
  });

  it("merges tool call deltas by index", () => {
    const a = new StreamAssembler();
    a.push({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: "t1", type: "function", function: { name: "get", arguments: "" } }] } }] });
    a.push({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] } }] });
    a.push({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: "1}" } }] }, finish_reason: "tool_calls" }] });
    const msg = (a.final().choices as { message: { tool_calls: unknown } }[])[0]!.message;
    expect(msg.tool_calls).toEqual([{ id: "t1", type: "function", function: { name: "get", arguments: '{"a":1}' } }]);
  });

  it("collects chat logprobs and legacy completions logprobs", () => {
    const a = new StreamAssembler();
    a.push({ choices: [{ index: 0, delta: { content: "A" }, logprobs: { content: [{ token: "A", logprob: -0.1, top_logprobs: [{ token: "A", logprob: -0.1 }, { token: "B", logprob: -2 }] }] } }] });
    expect(a.choices[0]!.logprobs).toEqual([{ token: "A", logprob: -0.1, top: [{ token: "A", logprob: -0.1 }, { token: "B", logprob: -2 }] }]);
    const b = new StreamAssembler();
    b.push({ object: "text_completion", choices: [{ index: 0, text: "x", logprobs: { tokens: ["x"], token_logprobs: [-0.5], top_logprobs: [{ x: -0.5, y: -1 }] } }] });
    expect(b.choices[0]!.logprobs[0]).toEqual({ token: "x", logprob: -0.5, top: [{ token: "x", logprob: -0.5 }, { token: "y", logprob: -1 }] });
    expect(b.final().object).toBe("text_completion");
  });

  it("reads choices of a non-streamed body", () => {
    const c = choicesFromBody({ choices: [{ index: 0, message: { role: "assistant", content: "hi", tool_calls: [{ id: "x", type: "function", function: { name: "f", arguments: "{}" } }] }, finish_reason: "stop" }] });
    expect(c[0]).toMatchObject({ text: "hi", finishReason: "stop", toolCalls: [{ id: "x", function: { name: "f", arguments: "{}" } }] });
  });
});
