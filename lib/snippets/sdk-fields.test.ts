import type { ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import type { CompletionCreateParamsBase } from "openai/resources/completions";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type OpenAIParam, PARAM_NAMES, type ParamName, PARAMS } from "../params/catalog";
import { isNeverTyped, isTypedField } from "./sdk-fields";

/** A value each catalogue parameter accepts as the SDK types it, where it does. */
const SAMPLE: Partial<Record<ParamName, unknown>> = {
  stream: true,
  stop: ["x"],
  logit_bias: { "1": 2 },
  logprobs: true,
  response_format: { type: "json_object" },
  tools: [],
  tool_choice: "auto",
};
const sample = (name: ParamName) => (name in SAMPLE ? SAMPLE[name] : 1);

describe("the catalogue's `openai` facts", () => {
  it("name exactly the fields of the openai SDK's request types (checked by tsc)", () => {
    expectTypeOf<OpenAIParam<"chat/completions">>().toEqualTypeOf<Extract<ParamName, keyof ChatCompletionCreateParamsBase>>();
    expectTypeOf<OpenAIParam<"completions">>().toEqualTypeOf<Extract<ParamName, keyof CompletionCreateParamsBase>>();
  });

  it("give the snippets the named arguments they had when the lists were written out", () => {
    const named = (path: "chat/completions" | "completions") => PARAM_NAMES.filter((n) => isTypedField(path, n, sample(n)));
    const common = [
      "stream",
      "temperature",
      "top_p",
      "max_tokens",
      "stop",
      "n",
      "seed",
      "frequency_penalty",
      "presence_penalty",
      "logit_bias",
    ];
    expect(new Set(named("completions"))).toEqual(new Set(common));
    expect(new Set(named("chat/completions"))).toEqual(
      new Set([...common, "logprobs", "top_logprobs", "response_format", "tools", "tool_choice"]),
    );
    expect(PARAM_NAMES.filter(isNeverTyped)).toEqual([
      "top_k",
      "min_p",
      "repetition_penalty",
      "guided_json",
      "guided_regex",
      "guided_choice",
      "use_beam_search",
      "length_penalty",
      "early_stopping",
    ]);
    expect(PARAM_NAMES.filter((n) => PARAMS[n].nonOpenAI)).toEqual([
      "top_k",
      "min_p",
      "repetition_penalty",
      "guided_json",
      "guided_regex",
      "guided_choice",
      "use_beam_search",
      "best_of",
      "length_penalty",
      "early_stopping",
    ]);
  });

  it("keep a value of another type out of the named arguments, and unknown fields out of both lists", () => {
    expect(isTypedField("chat/completions", "n", "two")).toBe(false);
    expect(isTypedField("completions", "logprobs", 2)).toBe(false);
    expect(isTypedField("chat/completions", "user", "u-1")).toBe(false);
    expect(isNeverTyped("user")).toBe(false);
  });
});
