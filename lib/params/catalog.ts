/**
 * Every request parameter the playground knows, with the meaning OpenAI's reference (or the
 * provider page that introduced it) gives it. Providers say per parameter whether they document
 * it and with which range; this is the general fact. No React here: the panel, the validation,
 * the local provider and the snippets all read this one list.
 */
import { RANGES } from "../providers/ranges";

export type ParamKind = "number" | "integer" | "boolean" | "string" | "stringList" | "json" | "choice";

/** The endpoints whose OpenAI SDK request types a parameter can be named in. */
export type OpenAIEndpoint = "chat/completions" | "completions";

/**
 * How OpenAI's request for one endpoint knows a field of this name: "same" = with this meaning
 * and value type (snippets pass it as a named SDK argument); "other" = a field of that name with
 * another type or meaning (completions' `logprobs` is a count, its `best_of` is not vLLM's beam
 * width), so the playground's value goes as an extra body field. Absent: OpenAI has no such field.
 * lib/snippets/sdk-fields.test.ts checks this against the openai SDK's types.
 */
export type OpenAIField = "same" | "other";

interface ParamSpec {
  /** Wire name, exactly as it goes into the JSON body. */
  name: string;
  kind: ParamKind;
  /** General range (../providers/ranges), before any provider narrows it. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  /** Values for kind "choice". */
  options?: readonly string[];
  /** One line for the panel. */
  help: string;
  openai?: Readonly<Partial<Record<OpenAIEndpoint, OpenAIField>>>;
  /** The panel offers a ready value (OpenAI's own shape for it), from ./examples, loaded on use. */
  hasExample?: boolean;
}

const BOTH = { "chat/completions": "same", completions: "same" } as const;
const CHAT = { "chat/completions": "same" } as const;

/** The one list: its order is the order of the panel, of a request's fields and of a link's. */
const DEFS = [
  { name: "stream", kind: "boolean", help: "Send tokens as server-sent events while they are generated.", openai: BOTH },
  {
    name: "temperature",
    kind: "number",
    ...RANGES.temperature,
    help: "Randomness of sampling; 0 always picks the most likely token.",
    openai: BOTH,
  },
  {
    name: "top_p",
    kind: "number",
    ...RANGES.top_p,
    help: "Nucleus sampling: keep the smallest set of tokens whose probability adds up to top_p.",
    openai: BOTH,
  },
  { name: "top_k", kind: "integer", ...RANGES.top_k, help: "Keep only the k most likely tokens; 1 is greedy, -1 or 0 turns it off." },
  { name: "min_p", kind: "number", ...RANGES.min_p, help: "Drop tokens less likely than min_p times the most likely one." },
  {
    name: "max_tokens",
    kind: "integer",
    ...RANGES.max_tokens,
    help: 'Most tokens to generate; the answer then ends with finish_reason "length".',
    openai: BOTH,
  },
  { name: "stop", kind: "stringList", help: 'Strings that end the output before them, finish_reason "stop".', openai: BOTH },
  { name: "n", kind: "integer", ...RANGES.n, help: "How many independent choices to generate.", openai: BOTH },
  {
    name: "seed",
    kind: "integer",
    help: "Same request with the same seed samples the same output (best effort at remote providers).",
    openai: BOTH,
  },
  {
    name: "frequency_penalty",
    kind: "number",
    ...RANGES.frequency_penalty,
    help: "Lowers a token's score by how often it already appeared.",
    openai: BOTH,
  },
  {
    name: "presence_penalty",
    kind: "number",
    ...RANGES.presence_penalty,
    help: "Lowers a token's score once it has appeared at all.",
    openai: BOTH,
  },
  {
    name: "repetition_penalty",
    kind: "number",
    ...RANGES.repetition_penalty,
    help: "Divides the score of tokens seen in prompt or output; 1 is off, above 1 repeats less.",
  },
  { name: "logit_bias", kind: "json", help: "Map of token id to a bias from -100 to 100 added to its logit.", openai: BOTH },
  {
    name: "logprobs",
    kind: "boolean",
    help: "Return the log probability of each output token.",
    openai: { "chat/completions": "same", completions: "other" },
  },
  {
    name: "top_logprobs",
    kind: "integer",
    ...RANGES.top_logprobs,
    help: "With logprobs: how many most likely alternatives to return per position.",
    openai: CHAT,
  },
  {
    name: "response_format",
    kind: "json",
    help: '{"type":"json_object"} for any JSON object, or json_schema with a schema.',
    openai: CHAT,
  },
  { name: "guided_json", kind: "json", help: "A JSON Schema the output must satisfy." },
  { name: "guided_regex", kind: "string", help: "A regular expression the whole output must match." },
  { name: "guided_choice", kind: "stringList", help: "The output is exactly one of these strings." },
  { name: "use_beam_search", kind: "boolean", help: "Search several candidate continuations instead of sampling." },
  {
    name: "best_of",
    kind: "integer",
    ...RANGES.best_of,
    help: "With beam search: how many beams to keep.",
    openai: { completions: "other" },
  },
  { name: "length_penalty", kind: "number", help: "With beam search: above 1 prefers longer, below 1 shorter completions." },
  { name: "early_stopping", kind: "boolean", help: "With beam search: stop once best_of candidates are complete." },
  {
    name: "tools",
    kind: "json",
    help: 'Tools (functions) the model may call: a list of {type: "function", function: {name, description, parameters}}.',
    hasExample: true,
    openai: CHAT,
  },
  {
    name: "tool_choice",
    kind: "choice",
    options: ["none", "auto", "required"],
    help: "Whether and how the model may call tools.",
    openai: CHAT,
  },
] as const satisfies readonly ParamSpec[];

type Def = (typeof DEFS)[number];
export type ParamName = Def["name"];

export interface ParamDef extends Omit<ParamSpec, "name"> {
  name: ParamName;
  /** Not part of OpenAI's Chat Completions request: SDKs need it passed as an extra body field. */
  nonOpenAI: boolean;
}

/** The parameters OpenAI's request for endpoint E names (with `how`: only those named so). */
export type OpenAIParam<E extends OpenAIEndpoint, How extends OpenAIField = OpenAIField> = E extends OpenAIEndpoint
  ? Extract<Def, { openai: Record<E, How> }>["name"]
  : never;

export const PARAM_NAMES: readonly ParamName[] = DEFS.map((d) => d.name);

export const PARAMS: Readonly<Record<ParamName, ParamDef>> = Object.fromEntries(
  DEFS.map((d: ParamSpec & { name: ParamName }) => [d.name, { ...d, nonOpenAI: d.openai?.["chat/completions"] !== "same" }]),
) as Record<ParamName, ParamDef>;

export function isParamName(name: string): name is ParamName {
  return (PARAM_NAMES as readonly string[]).includes(name);
}
