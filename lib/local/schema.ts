import { z } from "zod";
import { badRequest } from "../errors";

/**
 * Request bodies of the local provider, checked at the boundary. Ranges are the issue's (and the
 * parameter catalogue's); `null` means "unset" as in OpenAI's API; unknown fields are accepted
 * and dropped, since OpenAI clients send things like `user` or `metadata`.
 */

/** Most tokens one choice may generate; also the answer to "what if max_tokens is huge". */
export const MAX_OUTPUT_TOKENS = 4096;
export const DEFAULT_MAX_TOKENS = 256;
export const MAX_STOP_STRINGS = 16;

const num = (min: number, max: number) => z.number().min(min).max(max).nullish();
const int = (min: number, max: number) => z.number().int().min(min).max(max).nullish();

const textPart = z.object({ type: z.string(), text: z.string().optional() });
const messageContent = z.union([z.string(), z.array(textPart)]).nullish();

export const messageSchema = z.object({
  role: z.enum(["system", "developer", "user", "assistant", "tool", "function"]),
  content: messageContent,
  name: z.string().optional(),
  tool_calls: z.array(z.unknown()).nullish(),
  tool_call_id: z.string().optional(),
});

const responseFormat = z.object({
  type: z.enum(["text", "json_object", "json_schema"]),
  json_schema: z
    .object({ name: z.string().optional(), schema: z.unknown().optional(), strict: z.boolean().nullish() })
    .optional(),
});

/** Parameters both endpoints share. */
const common = {
  model: z.string(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  temperature: num(0, 2),
  top_p: z.number().gt(0).max(1).nullish(),
  top_k: z.number().int().min(-1).nullish(),
  min_p: num(0, 1),
  frequency_penalty: num(-2, 2),
  presence_penalty: num(-2, 2),
  repetition_penalty: z.number().gt(0).max(100).nullish(),
  logit_bias: z.record(z.string(), z.number().min(-100).max(100)).nullish(),
  seed: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).nullish(),
  max_tokens: int(1, MAX_OUTPUT_TOKENS),
  stop: z.union([z.string(), z.array(z.string()).max(MAX_STOP_STRINGS)]).nullish(),
  n: int(1, 16),
  response_format: responseFormat.nullish(),
  guided_json: z.union([z.record(z.string(), z.unknown()), z.string(), z.boolean()]).nullish(),
  guided_regex: z.string().nullish(),
  guided_choice: z.array(z.string()).min(1).nullish(),
  use_beam_search: z.boolean().nullish(),
  best_of: int(1, 16),
  length_penalty: z.number().min(-100).max(100).nullish(),
  early_stopping: z.boolean().nullish(),
  tools: z.array(z.unknown()).nullish(),
  tool_choice: z.unknown().optional(),
};

export const chatRequestSchema = z.object({
  ...common,
  messages: z.array(messageSchema).min(1),
  max_completion_tokens: int(1, MAX_OUTPUT_TOKENS),
  logprobs: z.boolean().nullish(),
  top_logprobs: int(0, 20),
});

const tokenIds = z.array(z.number().int().min(0));

export const completionRequestSchema = z.object({
  ...common,
  prompt: z.union([z.string(), z.array(z.string()).min(1), tokenIds.min(1), z.array(tokenIds).min(1)]),
  logprobs: int(0, 5),
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
export type CommonRequest = Omit<ChatRequest, "messages" | "max_completion_tokens" | "logprobs" | "top_logprobs">;

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

/** Parses a body with a schema, turning the first issue into a 400 that names the field. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw badRequest("The request body must be a JSON object.", undefined, "invalid_body");
  }
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const param = paramName(issue.path);
  throw badRequest(issueMessage(issue, param, body), param ?? undefined, issue.code);
}
