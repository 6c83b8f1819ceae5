import { describe, expect, it } from "vitest";
import { choicesFromBody, StreamAssembler } from "./assemble";

describe("StreamAssembler", () => {
  it("assembles chat chunks of two choices into the final object", () => {
    const a = new StreamAssembler();
    a.push({
      id: "c1",
      object: "chat.completion.chunk",
      created: 1,
      model: "m",
      choices: [
        { index: 0, delta: { role: "assistant", content: "" } },
        { index: 1, delta: { role: "assistant", content: "" } },
      ],
    });
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
    a.push({
      choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: "t1", type: "function", function: { name: "get", arguments: "" } }] } }],
    });
    a.push({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] } }] });
    a.push({ choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: "1}" } }] }, finish_reason: "tool_calls" }] });
    const msg = (a.final().choices as { message: { tool_calls: unknown } }[])[0]!.message;
    expect(msg.tool_calls).toEqual([{ id: "t1", type: "function", function: { name: "get", arguments: '{"a":1}' } }]);
  });

  it("collects chat logprobs and legacy completions logprobs", () => {
    const a = new StreamAssembler();
    a.push({
      choices: [
        {
          index: 0,
          delta: { content: "A" },
          logprobs: {
            content: [
              {
                token: "A",
                logprob: -0.1,
                top_logprobs: [
                  { token: "A", logprob: -0.1 },
                  { token: "B", logprob: -2 },
                ],
              },
            ],
          },
        },
      ],
    });
    expect(a.choices[0]!.logprobs).toEqual([
      {
        token: "A",
        logprob: -0.1,
        top: [
          { token: "A", logprob: -0.1 },
          { token: "B", logprob: -2 },
        ],
      },
    ]);
    const b = new StreamAssembler();
    b.push({
      object: "text_completion",
      choices: [{ index: 0, text: "x", logprobs: { tokens: ["x"], token_logprobs: [-0.5], top_logprobs: [{ x: -0.5, y: -1 }] } }],
    });
    expect(b.choices[0]!.logprobs[0]).toEqual({
      token: "x",
      logprob: -0.5,
      top: [
        { token: "x", logprob: -0.5 },
        { token: "y", logprob: -1 },
      ],
    });
    expect(b.final().object).toBe("text_completion");
  });

  it("reads choices of a non-streamed body", () => {
    const c = choicesFromBody({
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: "hi",
            tool_calls: [{ id: "x", type: "function", function: { name: "f", arguments: "{}" } }],
          },
          finish_reason: "stop",
        },
      ],
    });
    expect(c[0]).toMatchObject({ text: "hi", finishReason: "stop", toolCalls: [{ id: "x", function: { name: "f", arguments: "{}" } }] });
  });
});

/** Chunks as the scripted upstream and real servers send them. */
const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
  object: "chat.completion.chunk",
  choices: [{ index: 0, delta: d, finish_reason: finish }],
});

describe("StreamAssembler: reasoning, parallel tool calls, refusals, usage", () => {
  it("keeps reasoning_content (DeepSeek) and reasoning (vLLM, OpenRouter) apart from the answer", () => {
    for (const field of ["reasoning_content", "reasoning"] as const) {
      const a = new StreamAssembler();
      expect(a.push(delta({ role: "assistant", content: "" }))).toEqual({ reasoning: false, answer: false });
      expect(a.push(delta({ content: field === "reasoning" ? "" : null, [field]: "Two and " }))).toEqual({
        reasoning: true,
        answer: false,
      });
      a.push(delta({ [field]: "two is four." }));
      expect(a.push(delta({ content: "4" }))).toEqual({ reasoning: false, answer: true });
      a.push(delta({}, "stop"));
      expect(a.choices[0]).toMatchObject({ text: "4", reasoning: { text: "Two and two is four.", field } });
      const msg = (a.final().choices as { message: Record<string, unknown> }[])[0]!.message;
      expect(msg).toEqual({ role: "assistant", content: "4", [field]: "Two and two is four." });
      expect(a.deltaCount).toBe(3);
    }
  });

  it("splits <think> cut across content deltas; the final object keeps the content as sent", () => {
    const a = new StreamAssembler();
    for (const piece of ["<th", "ink>\nHm", "m, four.\n</thi", "nk>\n", "\nIt is 4."]) a.push(delta({ content: piece }));
    a.push(delta({}, "stop"));
    a.end();
    expect(a.choices[0]).toMatchObject({ text: "It is 4.", reasoning: { text: "Hmm, four.", field: "think" } });
    const msg = (a.final().choices as { message: Record<string, unknown> }[])[0]!.message;
    expect(msg.content).toBe("<think>\nHmm, four.\n</think>\n\nIt is 4.");
  });

  it("assembles two parallel tool calls whose deltas interleave, per index", () => {
    const a = new StreamAssembler();
    a.push(delta({ role: "assistant", content: null }));
    a.push(delta({ tool_calls: [{ index: 0, id: "call_a", type: "function", function: { name: "get_weather", arguments: "" } }] }));
    a.push(delta({ tool_calls: [{ index: 1, id: "call_b", type: "function", function: { name: "get_time", arguments: "" } }] }));
    a.push(
      delta({
        tool_calls: [
          { index: 0, function: { arguments: '{"city":' } },
          { index: 1, function: { arguments: '{"tz":"Asia/' } },
        ],
      }),
    );
    a.push(delta({ tool_calls: [{ index: 1, function: { arguments: 'Tokyo"}' } }] }));
    a.push(delta({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }));
    a.push(delta({}, "tool_calls"));
    const choice = (a.final().choices as { message: Record<string, unknown>; finish_reason: string }[])[0]!;
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "call_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
        { id: "call_b", type: "function", function: { name: "get_time", arguments: '{"tz":"Asia/Tokyo"}' } },
      ],
    });
  });

  it("assembles refusal deltas, and takes usage from the last chunk with choices: []", () => {
    const a = new StreamAssembler();
    a.push({ ...delta({ role: "assistant", content: "", refusal: null }), usage: null });
    expect(a.push({ ...delta({ refusal: "I can't " }), usage: null })).toEqual({ reasoning: false, answer: true });
    a.push({ ...delta({ refusal: "help." }, "stop"), usage: null });
    expect(a.usage).toBeNull();
    expect(
      a.push({ object: "chat.completion.chunk", choices: [], usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 } }),
    ).toEqual({ reasoning: false, answer: false });
    expect(a.usage).toEqual({ prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 });
    expect(a.choices).toHaveLength(1);
    expect((a.final().choices as { message: unknown }[])[0]!.message).toEqual({
      role: "assistant",
      content: null,
      refusal: "I can't help.",
    });
  });

  it("reads reasoning of a non-streamed message from each field and from <think>", () => {
    expect(choicesFromBody({ choices: [{ message: { role: "assistant", content: "4", reasoning_content: "r1" } }] })[0]).toMatchObject({
      text: "4",
      reasoning: { text: "r1", field: "reasoning_content" },
    });
    expect(choicesFromBody({ choices: [{ message: { role: "assistant", content: "4", reasoning: "r2" } }] })[0]).toMatchObject({
      text: "4",
      reasoning: { text: "r2", field: "reasoning" },
    });
    expect(choicesFromBody({ choices: [{ message: { role: "assistant", content: "<think>\nr3\n</think>\n\n4" } }] })[0]).toMatchObject({
      text: "4",
      reasoning: { text: "r3", field: "think" },
    });
    expect(choicesFromBody({ choices: [{ message: { role: "assistant", content: "4" } }] })[0]!.reasoning).toBeUndefined();
  });
});
