import { z } from "zod";
import { badRequest } from "../../errors";
import { LOCAL_MAX_STOP_STRINGS, LOCAL_RANGES as R, type Range } from "../../providers/ranges";

/**
 * Request bodies of the local provider, checked at the boundary. Ranges are the local profile's
 * (../providers/ranges); `null` means "unset" as in OpenAI's API; unknown fields are accepted
 * and dropped, since OpenAI clients send things like `user` or `metadata`.
 */

export const DEFAULT_MAX_TOKENS = 256;

function ranged(range: Range, number = z.number()) {
  const { min, max, exclusiveMin } = range;
  const low = min === undefined ? number : exclusiveMin ? number.gt(min) : number.min(min);
  return (max === undefined ? low : low.max(max)).nullish();
}
const num = (range: Range) => ranged(range);
const int = (range: Range) => ranged(range, z.number().int());

/** Most tools one request may define (OpenAI's limit). */
export const MAX_TOOLS = 128;

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const imagePart = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string(), detail: z.enum(["auto", "low", "high"]).optional() }),
});
const audioPart = z.object({ type: z.literal("input_audio"), input_audio: z.object({ data: z.string(), format: z.string() }) });
const filePart = z.object({ type: z.literal("file"), file: z.record(z.string(), z.unknown()) });
const refusalPart = z.object({ type: z.literal("refusal"), refusal: z.string() });

const parts = <T extends z.ZodType>(part: T) => z.union([z.string(), z.array(part).min(1)]);
/** Users may send images, audio and files; the local model reads only the text. */
const userContent = parts(z.discriminatedUnion("type", [textPart, imagePart, audioPart, filePart]));

export const toolCallSchema = z.object({
  id: z.string().min(1),
  type: z.literal("function"),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

/** The message shapes of OpenAI's CreateChatCompletionRequest, one per role. */
export const messageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.enum(["system", "developer"]), content: parts(textPart), name: z.string().optional() }),
  z.object({ role: z.literal("user"), content: userContent, name: z.string().optional() }),
  z.object({
    role: z.literal("assistant"),
    content: parts(z.discriminatedUnion("type", [textPart, refusalPart])).nullish(),
    refusal: z.string().nullish(),
    name: z.string().optional(),
    tool_calls: z.array(toolCallSchema).nullish(),
  }),
  z.object({ role: z.literal("tool"), content: parts(textPart), tool_call_id: z.string() }),
  z.object({ role: z.literal("function"), content: z.string().nullable(), name: z.string() }),
]);

/** OpenAI's rule for function names. */
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export const toolSchema = z.object({
  type: z.literal("function"),
  function: z.object({
    name: z.string().regex(FUNCTION_NAME, "a function name is 1 to 64 of a-z, A-Z, 0-9, underscores and dashes"),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

const namedFunction = z.object({ type: z.literal("function"), function: z.object({ name: z.string() }) });

export const toolChoiceSchema = z.union([
  z.enum(["none", "auto", "required"]),
  namedFunction,
  z.object({
    type: z.literal("allowed_tools"),
    allowed_tools: z.object({ mode: z.enum(["auto", "required"]), tools: z.array(namedFunction).min(1) }),
  }),
]);

const responseFormat = z.object({
  type: z.enum(["text", "json_object", "json_schema"]),
  json_schema: z.object({ name: z.string().optional(), schema: z.unknown().optional(), strict: z.boolean().nullish() }).optional(),
});

/** Parameters both endpoints share. */
const common = {
  model: z.string(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  temperature: num(R.temperature),
  top_p: num(R.top_p),
  top_k: int(R.top_k),
  min_p: num(R.min_p),
  frequency_penalty: num(R.frequency_penalty),
  presence_penalty: num(R.presence_penalty),
  repetition_penalty: num(R.repetition_penalty),
  logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullish(),
  seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullish(),
  max_tokens: int(R.max_tokens),
  stop: z.union([z.string(), z.array(z.string()).max(LOCAL_MAX_STOP_STRINGS)]).nullish(),
  n: int(R.n),
  response_format: responseFormat.nullish(),
  guided_json: z.union([z.record(z.string(), z.unknown()), z.string(), z.boolean()]).nullish(),
  guided_regex: z.string().nullish(),
  guided_choice: z.array(z.string()).min(1).nullish(),
  use_beam_search: z.boolean().nullish(),
  best_of: int(R.best_of),
  length_penalty: z.number().min(-100).max(100).nullish(),
  early_stopping: z.boolean().nullish(),
};

export const chatRequestSchema = z.object({
  ...common,
  messages: z.array(messageSchema).min(1),
  tools: z.array(toolSchema).max(MAX_TOOLS).nullish(),
  tool_choice: toolChoiceSchema.nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  max_completion_tokens: int(R.max_tokens),
  logprobs: z.boolean().nullish(),
  top_logprobs: int(R.top_logprobs),
});

const tokenIds = z.array(z.number().int().min(0));

export const completionRequestSchema = z.object({
  ...common,
  prompt: z.union([z.string(), z.array(z.string()).min(1), tokenIds.min(1), z.array(tokenIds).min(1)]),
  logprobs: int({ min: 0, max: 5 }),
  echo: z.boolean().nullish(),
  suffix: z.string().nullish(),
});

export const tokenizeRequestSchema = z
  .object({ model: z.string().optional(), text: z.string().optional(), prompt: z.string().optional() })
  .refine((b) => b.text !== undefined || b.prompt !== undefined, { message: "Missing required parameter: 'text'.", path: ["text"] });

export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type CompletionRequest = z.infer<typeof completionRequestSchema>;
export type TokenizeRequest = z.infer<typeof tokenizeRequestSchema>;
export type ChatMessage = z.infer<typeof messageSchema>;
/** Fields both request kinds share, as the generator reads them. */
export type CommonRequest = Omit<
  ChatRequest,
  "messages" | "max_completion_tokens" | "logprobs" | "top_logprobs" | "tools" | "tool_choice" | "parallel_tool_calls"
>;
export type Tool = z.infer<typeof toolSchema>;
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

/** `messages[0].content`-style name of the offending field. */
export function paramName(path: readonly PropertyKey[]): string | null {
  let s = "";
  for (const k of path) s += typeof k === "number" ? `[${k}]` : s ? `.${String(k)}` : String(k);
  return s || null;
}

function issueMessage(issue: z.core.$ZodIssue, param: string | null, body: unknown): string {
  const name = param ?? "body";
  const topLevel = issue.path.length === 1 && typeof body === "object" && body !== null;
  if (issue.code === "invalid_type" && topLevel && !(String(issue.path[0]) in body)) {
    return `Missing required parameter: '${name}'.`;
  }
  return `Invalid value for '${name}': ${issue.message}.`;
}

/**
 * For a value that matches no branch of a union, the issue of the branch that got furthest into
 * it (an array of parts: the part that is wrong), not a bare "Invalid input" about the union.
 */
function deepestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  let best: z.core.$ZodIssue | null = null;
  for (const branch of issue.errors) {
    for (const sub of branch) {
      const candidate = deepestIssue({ ...sub, path: [...issue.path, ...sub.path] });
      if (!best || candidate.path.length > best.path.length) best = candidate;
    }
  }
  return best ?? issue;
}

/** Parses a body with a schema, turning the first issue into a 400 that names the field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("The request body must be a JSON object.", undefined, "invalid_body");
  }
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = deepestIssue(r.error.issues[0]!);
  const param = paramName(issue.path);
  throw badRequest(issueMessage(issue, param, body), param ?? undefined, issue.code);
}
