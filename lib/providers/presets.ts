/**
 * Presets of the custom provider for the OpenAI-compatible servers people run themselves or reach
 * most. Each names its documentation page; the base URL is a template the user edits (host, port).
 * `extraParams` are the request fields that page documents beyond OpenAI's, offered as extra body.
 */
export interface PresetParam {
  name: string;
  /** A value to start from, as the page shows it. */
  example: unknown;
  help: string;
}

export interface ServerPreset {
  name: string;
  baseUrl: string;
  /** The documentation page the facts come from. */
  docs: string;
  note?: string;
  extraParams: readonly PresetParam[];
}

export const SERVER_PRESETS: readonly ServerPreset[] = [
  {
    name: "vLLM",
    baseUrl: "http://localhost:8000/v1",
    docs: "https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html#extra-parameters",
    note: "vLLM 0.12 removed guided_json, guided_regex and guided_choice: use structured_outputs (https://docs.vllm.ai/en/latest/features/structured_outputs/).",
    extraParams: [
      {
        name: "structured_outputs",
        example: { choice: ["positive", "negative"] },
        help: "One of json (a JSON Schema), regex, choice (strings) or grammar: the output follows it.",
      },
      { name: "top_k", example: 50, help: "Sample from the k most likely tokens; -1 considers all." },
      { name: "min_p", example: 0.05, help: "Drop tokens less likely than min_p times the most likely one." },
      { name: "repetition_penalty", example: 1.1, help: "Above 1 penalises tokens already in the prompt or output." },
    ],
  },
  {
    name: "llama.cpp server",
    baseUrl: "http://localhost:8080/v1",
    docs: "https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md",
    extraParams: [
      {
        name: "n_probs",
        example: 5,
        help: "Above 0, the response also holds the probabilities of the top N tokens for each generated token (default 0).",
      },
      {
        name: "cache_prompt",
        example: false,
        help: "Re-use the KV cache of a previous request (default true); may make results nondeterministic.",
      },
    ],
  },
  {
    name: "Ollama",
    baseUrl: "http://localhost:11434/v1",
    docs: "https://docs.ollama.com/api/openai-compatibility",
    note: "Ollama supports a subset of the OpenAI API; it needs no key (the SDKs want one, any value does).",
    extraParams: [],
  },
  {
    name: "LM Studio",
    baseUrl: "http://localhost:1234/v1",
    docs: "https://lmstudio.ai/docs/api/openai-api",
    extraParams: [],
  },
  {
    name: "OpenRouter",
    baseUrl: "https://openrouter.ai/api/v1",
    docs: "https://openrouter.ai/docs/features/provider-routing",
    extraParams: [
      {
        name: "provider",
        example: { order: ["anthropic", "openai"], allow_fallbacks: true },
        help: "Provider routing: order, allow_fallbacks, only, ignore, sort, … (https://openrouter.ai/docs/features/provider-routing).",
      },
      {
        name: "reasoning",
        example: { effort: "high" },
        help: "Reasoning tokens: effort or max_tokens, exclude, enabled (https://openrouter.ai/docs/use-cases/reasoning-tokens).",
      },
    ],
  },
];

/** The preset a custom base URL belongs to: its template, or for a remote service its host. */
export function presetFor(baseUrl: string): ServerPreset | null {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    return null;
  }
  const path = url.pathname.replace(/\/+$/, "");
  return (
    SERVER_PRESETS.find((p) => {
      const t = new URL(p.baseUrl);
      const local = t.hostname === "localhost";
      return local ? `${url.origin}${path}` === `${t.origin}${t.pathname}` : url.host === t.host;
    }) ?? null
  );
}

/** The extra body text with `name` set to `value` (added last; an existing field is replaced), or null if the text is not a JSON object. */
export function withExtraField(extraBody: string, name: string, value: unknown): string | null {
  let current: unknown = {};
  if (extraBody.trim() !== "") {
    try {
      current = JSON.parse(extraBody);
    } catch {
      return null;
    }
  }
  if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
  return JSON.stringify({ ...current, [name]: value }, null, 2);
}
