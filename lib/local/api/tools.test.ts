import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import { localModel } from "../model/model";
import { makePlan } from "../decode/plan";
import { chatPrompt } from "./prompt";
import { type ChatRequest, chatRequestSchema } from "./schema";
import { ToolCallSource, toolCallDeltas } from "./tool-calls";
import { chooseCalls, compileTools, mentionedFunctions, planToolCalls, validateTools } from "./tools";

/** Which functions an answer calls, what a bad tools request gets, and the calls' arguments. */
const WEATHER = {
  type: "object",
  properties: {
    city: { type: "string", minLength: 1, maxLength: 30 },
    unit: { enum: ["celsius", "fahrenheit"] },
    days: { type: "integer", minimum: 1, maximum: 7 },
  },
  required: ["city", "unit", "days"],
  additionalProperties: false,
};
const TIME = { type: "object", properties: { zone: { type: "string", maxLength: 20 } }, required: ["zone"] };
const tools = [
  { type: "function" as const, function: { name: "get_weather", description: "Weather", parameters: WEATHER } },
  { type: "function" as const, function: { name: "get_time", parameters: TIME } },
];

function request(extra: Record<string, unknown> = {}, content = "Hello there"): ChatRequest {
  return chatRequestSchema.parse({ model: "local-ngram", messages: [{ role: "user", content }], tools, ...extra });
}

function badRequestOf(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("chooseCalls", () => {
  it("none, or no tools: a text answer", () => {
    expect(chooseCalls(request({ tool_choice: "none" }, "get_weather please"), 1)).toEqual([]);
    expect(chooseCalls(chatRequestSchema.parse({ model: "m", messages: [{ role: "user", content: "get_weather" }] }), 1)).toEqual([]);
  });

  it("auto calls what the last user message names, in the order it names them", () => {
    expect(chooseCalls(request({}, "What time is it, and the weather?"), 1)).toEqual(["get_time", "get_weather"]);
    expect(chooseCalls(request({}, "call get_weather"), 1)).toEqual(["get_weather"]);
    expect(chooseCalls(request({}, "call GET WEATHER"), 1)).toEqual(["get_weather"]);
    expect(mentionedFunctions("weatherman timely", ["get_weather", "get_time"])).toEqual([]);
  });

  it("auto with nothing named picks one function by the seed, the same for the same seed", () => {
    const picks = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const calls = chooseCalls(request(), seed);
      expect(calls.length).toBe(1);
      expect(chooseCalls(request(), seed)).toEqual(calls);
      picks.add(calls[0]!);
    }
    expect(picks).toEqual(new Set(["get_weather", "get_time"]));
  });

  it("auto answers in text after tool results; required and a named function still call", () => {
    const messages = [
      { role: "user", content: "weather?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } }],
      },
      { role: "tool", tool_call_id: "call_1", content: "Sunny" },
    ];
    expect(chooseCalls(request({ messages }), 1)).toEqual([]);
    expect(chooseCalls(request({ messages, tool_choice: "required" }), 1)).toEqual(["get_weather"]);
    expect(chooseCalls(request({ messages, tool_choice: { type: "function", function: { name: "get_time" } } }), 1)).toEqual(["get_time"]);
  });

  it("required with nothing named calls two functions in parallel, one when parallel_tool_calls is false", () => {
    const two = chooseCalls(request({ tool_choice: "required" }), 3);
    expect(new Set(two)).toEqual(new Set(["get_weather", "get_time"]));
    expect(chooseCalls(request({ tool_choice: "required", parallel_tool_calls: false }), 3)).toEqual(two.slice(0, 1));
    expect(chooseCalls(request({ parallel_tool_calls: false }, "time and weather"), 3)).toEqual(["get_time"]);
  });

  it("allowed_tools applies its mode to the tools it lists only", () => {
    const only = (mode: string) => ({
      type: "allowed_tools",
      allowed_tools: { mode, tools: [{ type: "function", function: { name: "get_time" } }] },
    });
    for (let seed = 0; seed < 10; seed++) expect(chooseCalls(request({ tool_choice: only("auto") }), seed)).toEqual(["get_time"]);
    expect(chooseCalls(request({ tool_choice: only("auto") }, "weather please"), 1)).toEqual(["get_time"]);
    expect(chooseCalls(request({ tool_choice: only("required") }), 1)).toEqual(["get_time"]);
  });
});

describe("validation", () => {
  it("rejects what providers reject, naming the field", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ tools: [tools[0], tools[0]] }, "tools[1].function.name"],
      [{ tools: undefined, tool_choice: "required" }, "tool_choice"],
      [{ tool_choice: { type: "function", function: { name: "nope" } } }, "tool_choice"],
      [
        {
          tool_choice: {
            type: "allowed_tools",
            allowed_tools: { mode: "auto", tools: [{ type: "function", function: { name: "nope" } }] },
          },
        },
        "tool_choice",
      ],
      [
        {
          messages: [
            { role: "user", content: "x" },
            { role: "tool", tool_call_id: "call_9", content: "r" },
          ],
        },
        "messages[1].tool_call_id",
      ],
    ];
    for (const [extra, param] of cases) {
      const e = badRequestOf(() => validateTools(request(extra)));
      expect(e.status).toBe(400);
      expect(e.param).toBe(param);
    }
  });

  it("a tool message answering an earlier call is fine", () => {
    const messages = [
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_time", arguments: "{}" } }],
      },
      { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "noon" }] },
    ];
    expect(() => validateTools(request({ messages }))).not.toThrow();
  });

  it("compiles every function's parameters: a bad schema is a 400 on that function even when it is not called", () => {
    const vocab = localModel().tokenizer;
    const bad = [
      ...tools,
      {
        type: "function" as const,
        function: { name: "f", parameters: { type: "object", properties: { a: { type: "string", pattern: "x+" } } } },
      },
    ];
    const e = badRequestOf(() => compileTools(bad, vocab));
    expect(e.param).toBe("tools[2].function.parameters");
    expect(e.message).toMatch(/^Invalid schema for function 'f': .*pattern/);
    const notObject = badRequestOf(() =>
      compileTools([{ type: "function", function: { name: "g", parameters: { type: "string" } } }], vocab),
    );
    expect(notObject.param).toBe("tools[0].function.parameters");
    expect(compileTools([{ type: "function", function: { name: "h" } }], vocab).size).toBe(1);
  });

  it("beam search cannot make a tool call", () => {
    const e = badRequestOf(() => planToolCalls(request({ use_beam_search: true, tool_choice: "required" }), localModel().tokenizer, 1));
    expect(e.param).toBe("use_beam_search");
  });
});

describe("ToolCallSource", () => {
  const model = localModel();
  const ajv = new Ajv2020({ strict: false });
  const validators = { get_weather: ajv.compile(WEATHER), get_time: ajv.compile(TIME) };

  function run(req: ChatRequest, seed: number) {
    const plan = makePlan({
      req,
      model,
      prompts: [chatPrompt(req.messages, model)],
      maxTokens: req.max_tokens,
      topLogprobs: null,
      constraint: null,
      names: { maxTokens: "max_tokens", topLogprobs: "top_logprobs" },
    });
    const calls = planToolCalls(req, model.tokenizer, seed)!;
    const src = new ToolCallSource(plan.specs[0]!, calls, seed);
    let text = "";
    let finish = null;
    while (!src.done) {
      const ev = src.step();
      text += ev.text;
      finish = ev.finish ?? finish;
    }
    return { src, text, finish };
  }

  it("arguments satisfy each function's schema (checked by ajv), for every seed, with sampling applied", () => {
    for (let seed = 0; seed < 30; seed++) {
      const { src, text, finish } = run(request({ tool_choice: "required", temperature: 1.3, max_tokens: 256 }), seed);
      expect(finish).toBe("tool_calls");
      expect(src.toolCalls.length).toBe(2);
      for (const [k, call] of src.toolCalls.entries()) {
        expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
        const args = text.slice(call.start, src.toolCalls[k + 1]?.start ?? text.length);
        const validate = validators[call.name as keyof typeof validators];
        expect(validate(JSON.parse(args)), `${call.name} ${args}`).toBe(true);
      }
      expect(src.generated).toBeLessThanOrEqual(256);
    }
  });

  it("shares max_tokens among the calls; out of tokens it finishes with length and makes no later call", () => {
    const { src, finish } = run(request({ tool_choice: "required", max_tokens: 6 }), 1);
    expect(finish).toBe("length");
    expect(src.generated).toBeLessThanOrEqual(6);
    expect(src.toolCalls.length).toBe(1);
  });

  it("a function without parameters is called with {}", () => {
    const req = chatRequestSchema.parse({
      model: "m",
      messages: [{ role: "user", content: "ping" }],
      tools: [{ type: "function", function: { name: "ping" } }],
    });
    expect(run(req, 2).text).toBe("{}");
  });

  it("a named function is the only call, the same for the same seed", () => {
    const req = request({ tool_choice: { type: "function", function: { name: "get_time" } }, max_tokens: 64 }, "weather?");
    const a = run(req, 7);
    expect(a.src.toolCalls.map((c) => c.name)).toEqual(["get_time"]);
    expect(validators.get_time(JSON.parse(a.text))).toBe(true);
    expect(run(req, 7).text).toBe(a.text);
  });
});

describe("toolCallDeltas", () => {
  const layout = [
    { id: "call_a", name: "f", start: 0 },
    { id: "call_b", name: "g", start: 6 },
  ];

  it("opens each call with id, type, name and empty arguments, then sends fragments, across any cut", () => {
    const text = '{"a":}{"b":2}';
    for (let cut = 0; cut <= text.length; cut++) {
      const cursor = { offset: 0, announced: 0 };
      const deltas = [
        ...toolCallDeltas(layout, cursor, text.slice(0, cut), false),
        ...toolCallDeltas(layout, cursor, text.slice(cut), true),
      ];
      const headers = deltas.filter((d) => d.tool_calls[0].id);
      expect(headers).toEqual([
        { tool_calls: [{ index: 0, id: "call_a", type: "function", function: { name: "f", arguments: "" } }] },
        { tool_calls: [{ index: 1, id: "call_b", type: "function", function: { name: "g", arguments: "" } }] },
      ]);
      const args = ["", ""];
      for (const d of deltas) args[d.tool_calls[0].index] += d.tool_calls[0].function.arguments;
      expect(args).toEqual(['{"a":}', '{"b":2}']);
      // A call's header comes before its fragments, and call 1 starts after call 0's last fragment.
      const order = deltas.map((d) => `${d.tool_calls[0].index}${d.tool_calls[0].id ? "h" : "f"}`).join(" ");
      expect(order).toMatch(/^0h( 0f)+ 1h( 1f)+$/);
    }
  });
});
