/**
 * Every request parameter the playground knows, with the meaning OpenAI's reference (or the
 * provider page that introduced it) gives it. Providers say per parameter whether they document
 * it and with which range; this is the general fact. No React here: the panel, the validation,
 * the local provider and the snippets all read this one list.
 */
export type ParamKind =
  | "number"
  | "integer"
  | "boolean"
  | "string"
  | "stringList"
  | "json"
  | "choice";

export interface ParamDef {
  /** Wire name, exactly as it goes into the JSON body. */
  name: ParamName;
  kind: ParamKind;
  /** General range (OpenAI's or the introducing provider's), before any provider narrows it. */
  min?: number;
  max?: number;
  /** min is exclusive (top_p is in (0, 1]). */
  exclusiveMin?: boolean;
  /** Values for kind "choice". */
  options?: readonly string[];
  /** One line for the panel. */
  help: string;
  /** Not part of OpenAI's Chat Completions request: SDKs need it passed as an extra body field. */
  nonOpenAI?: boolean;
  /** Only meaningful for some endpoints. */
  endpoints?: readonly ("chat/completions" | "completions")[];
  /** The panel offers a ready value (OpenAI's own shape for it), from ./examples, loaded on use. */
  hasExample?: boolean;
}

export const PARAM_NAMES = [
  "stream",
  "temperature",
  "top_p",
  "top_k",
  "min_p",
  "max_tokens",
  "stop",
  "n",
  "seed",
  "frequency_penalty",
  "presence_penalty",
  "repetition_penalty",
  "logit_bias",
  "logprobs",
  "top_logprobs",
  "response_format",
  "guided_json",
  "guided_regex",
  "guided_choice",
  "use_beam_search",
  "best_of",
  "length_penalty",
  "early_stopping",
  "tools",
  "tool_choice",
] as const;

export type ParamName = (typeof PARAM_NAMES)[number];

const defs: ParamDef[] = [
  { name: "stream", kind: "boolean", help: "Send tokens as server-sent events while they are generated." },
  { name: "temperature", kind: "number", min: 0, max: 2, help: "Randomness of sampling; 0 always picks the most likely token." },
  { name: "top_p", kind: "number", min: 0, max: 1, exclusiveMin: true, help: "Nucleus sampling: keep the smallest set of tokens whose probability adds up to top_p." },
  { name: "top_k", kind: "integer", min: -1, help: "Keep only the k most likely tokens; 1 is greedy, -1 or 0 turns it off.", nonOpenAI: true },
  { name: "min_p", kind: "number", min: 0, max: 1, help: "Drop tokens less likely than min_p times the most likely one.", nonOpenAI: true },
  { name: "max_tokens", kind: "integer", min: 1, help: "Most tokens to generate; the answer then ends with finish_reason \"length\"." },
  { name: "stop", kind: "stringList", help: "Strings that end the output before them, finish_reason \"stop\"." },
  { name: "n", kind: "integer", min: 1, max: 128, help: "How many independent choices to generate." },
  { name: "seed", kind: "integer", help: "Same request with the same seed samples the same output (best effort at remote providers)." },
  { name: "frequency_penalty", kind: "number", min: -2, max: 2, help: "Lowers a token's score by how often it already appeared." },
  { name: "presence_penalty", kind: "number", min: -2, max: 2, help: "Lowers a token's score once it has appeared at all." },
  { name: "repetition_penalty", kind: "number", min: 0, exclusiveMin: true, help: "Divides the score of tokens seen in prompt or output; 1 is off, above 1 repeats less.", nonOpenAI: true },
  { name: "logit_bias", kind: "json", help: "Map of token id to a bias from -100 to 100 added to its logit." },
  { name: "logprobs", kind: "boolean", help: "Return the log probability of each output token." },
  { name: "top_logprobs", kind: "integer", min: 0, max: 20, help: "With logprobs: how many most likely alternatives to return per position." },
  { name: "response_format", kind: "json", help: "{\"type\":\"json_object\"} for any JSON object, or json_schema with a schema." },
  { name: "guided_json", kind: "json", help: "A JSON Schema the output must satisfy.", nonOpenAI: true, endpoints: ["chat/completions", "completions"] },
  { name: "guided_regex", kind: "string", help: "A regular expression the whole output must match.", nonOpenAI: true },
  { name: "guided_choice", kind: "stringList", help: "The output is exactly one of these strings.", nonOpenAI: true },
  { name: "use_beam_search", kind: "boolean", help: "Search several candidate continuations instead of sampling.", nonOpenAI: true },
  { name: "best_of", kind: "integer", min: 1, help: "With beam search: how many beams to keep.", nonOpenAI: true },
  { name: "length_penalty", kind: "number", help: "With beam search: above 1 prefers longer, below 1 shorter completions.", nonOpenAI: true },
  { name: "early_stopping", kind: "boolean", help: "With beam search: stop once best_of candidates are complete.", nonOpenAI: true },
  { name: "tools", kind: "json", help: "Tools (functions) the model may call: a list of {type: \"function\", function: {name, description, parameters}}.", hasExample: true },
  { name: "tool_choice", kind: "choice", options: ["none", "auto", "required"], help: "Whether and how the model may call tools." },
];

export const PARAMS: Readonly<Record<ParamName, ParamDef>> = Object.fromEntries(
  defs.map((d) => [d.name, d]),
) as Record<ParamName, ParamDef>;

export function isParamName(name: string): name is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(name);
}
