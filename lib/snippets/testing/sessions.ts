import type { Session } from "../../session/schema";
import { emptySession } from "../../session/schema";

/** Text that breaks naive quoting in every target language and shell. */
export const TRICKY =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${HOME} must stay literal in every snippet
  'It\'s "quoted", $HOME and ${HOME} stay, `uname` runs not, back\\slash \\n literal,\nnew line,\ttab, Привет, 日本語, emoji 😀, é\u2028end';

/** Sessions covering both endpoints, streaming, non-OpenAI parameters and extra body fields. */
export function snippetSessions(): Record<string, Session> {
  const chat: Session = {
    ...emptySession("horay", "meta-llama/Meta-Llama-3.1-8B-Instruct"),
    systemPrompt: `System ${TRICKY}`,
    messages: [
      { id: "m1", role: "user", content: TRICKY },
      { id: "m2", role: "assistant", content: "'single' \"double\" `tick` $(date)" },
      { id: "m3", role: "user", content: "again" },
    ],
    params: {
      temperature: { enabled: true, value: 0.7 },
      top_p: { enabled: false, value: 0.1 },
      top_k: { enabled: true, value: 50 },
      min_p: { enabled: true, value: 0.05 },
      max_tokens: { enabled: true, value: 64 },
      stop: { enabled: true, value: ["\n\n", "END'"] },
      seed: { enabled: true, value: 7 },
      repetition_penalty: { enabled: true, value: 1.1 },
      logit_bias: { enabled: true, value: { "50256": -100 } },
      guided_json: { enabled: true, value: { type: "object", properties: { a: { type: "string", pattern: "^\\d+$" } } } },
      guided_choice: { enabled: true, value: ["yes", "no"] },
      use_beam_search: { enabled: true, value: false },
      response_format: { enabled: true, value: { type: "json_object" } },
    },
    extraBody: '{"custom_field": {"nested": [1, 2.5, null, true]}, "user": "u-1"}',
  };
  const streaming: Session = {
    ...emptySession("netmind", "meta-llama/Meta-Llama-3.1-8B-Instruct"),
    messages: [{ id: "m1", role: "user", content: "Stream $PATH please" }],
    params: { stream: { enabled: true, value: true }, top_k: { enabled: true, value: 3 }, max_tokens: { enabled: true, value: 8 } },
  };
  const completions: Session = {
    ...emptySession("netmind", "meta-llama/Meta-Llama-3.1-8B-Instruct"),
    mode: "completions",
    prompt: `USER: ${TRICKY}\nASSISTANT:`,
    params: { max_tokens: { enabled: true, value: 16 }, logprobs: { enabled: true, value: true }, best_of: { enabled: true, value: 2 } },
  };
  const completionsStream: Session = { ...completions, params: { ...completions.params, stream: { enabled: true, value: true } } };
  const oddMessages: Session = {
    ...emptySession("telnyx", "NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO"),
    messages: [
      { id: "m1", role: "user", content: "hi", name: "bob" },
      { id: "m2", role: "tool", content: "42", name: "calc" },
    ],
    params: {
      temperature: { enabled: true, value: 0 },
      logprobs: { enabled: true, value: true },
      top_logprobs: { enabled: true, value: 2 },
    },
    extraBody: '{"n": "two", "meta": {"__proto__": {"x": 1}, "k": "v"}}',
  };
  // A tool round trip after a question with an image, as gpt-4o and vLLM carry it.
  const toolsAndImages: Session = {
    ...emptySession("openai", "gpt-4o"),
    messages: [
      {
        id: "m1",
        role: "user",
        content: [
          { type: "text", text: `Weather where this photo was taken? ${TRICKY}` },
          {
            type: "image_url",
            image_url: {
              url: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
              detail: "low",
            },
          },
        ],
      },
      {
        id: "m2",
        role: "assistant",
        content: null,
        reasoning: { text: "Two cities: call the tool twice.", field: "reasoning_content" },
        tool_calls: [
          { id: "call_paris", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
          { id: "call_tokyo", type: "function", function: { name: "get_weather", arguments: '{"city":"Tokyo","unit":"c"}' } },
        ],
      },
      { id: "m3", role: "tool", tool_call_id: "call_paris", content: "18 °C, 'cloudy'" },
      { id: "m4", role: "tool", tool_call_id: "call_tokyo", content: "24 °C" },
    ],
    params: {
      tools: {
        enabled: true,
        value: [
          {
            type: "function",
            function: {
              name: "get_weather",
              description: "Current weather",
              parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
            },
          },
        ],
      },
      tool_choice: { enabled: true, value: "auto" },
    },
  };
  return { chat, streaming, completions, completionsStream, oddMessages, toolsAndImages };
}
