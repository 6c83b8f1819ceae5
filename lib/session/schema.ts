import { z } from "zod";
import { PARAM_NAMES } from "../params/catalog";
import { PROVIDER_IDS } from "../providers/profiles";
import { MAX_IMAGE_BYTES } from "./images";
import { SESSION_VERSION } from "./version";

/**
 * A playground session: everything needed to rebuild the exact request. It is what localStorage,
 * history, share links, exported files and imports hold, so it is validated with zod whenever it
 * comes from outside this tab.
 *
 * Version 2 holds messages as the chat-completions API carries them (content parts, tool calls,
 * reasoning, refusals). Version 1 stored only `{role, content: string}`, a subset, so a version-1
 * session parses as it is and comes out as version 2.
 */
export const ROLES = ["system", "user", "assistant", "tool"] as const;
export type Role = (typeof ROLES)[number];

const MAX_TEXT = 2_000_000;
/** A data: URL of an image up to MAX_IMAGE_BYTES: base64 (4 characters per 3 bytes) plus its header. */
export const MAX_IMAGE_URL_CHARS = 4 * Math.ceil(MAX_IMAGE_BYTES / 3) + 1024;

export const textPartSchema = z.object({ type: z.literal("text"), text: z.string().max(MAX_TEXT) });
export const imagePartSchema = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string().min(1).max(MAX_IMAGE_URL_CHARS), detail: z.enum(["auto", "low", "high"]).optional() }),
});
export const contentPartSchema = z.discriminatedUnion("type", [textPartSchema, imagePartSchema]);
export type ContentPart = z.infer<typeof contentPartSchema>;
export type ImagePart = z.infer<typeof imagePartSchema>;

/** `null` only where the API allows it: an assistant turn that holds tool calls or a refusal. */
export const contentSchema = z.union([z.string().max(MAX_TEXT), z.array(contentPartSchema).max(100), z.null()]);
export type MessageContent = z.infer<typeof contentSchema>;

export const toolCallSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.literal("function"),
  function: z.object({ name: z.string().max(200), arguments: z.string().max(MAX_TEXT) }),
});
export type ToolCall = z.infer<typeof toolCallSchema>;

/** Where a model put its reasoning; sending it back (only when `send`) uses the same place. */
export const REASONING_FIELDS = ["reasoning_content", "reasoning", "think"] as const;
export type ReasoningField = (typeof REASONING_FIELDS)[number];
export const reasoningSchema = z.object({
  text: z.string().max(MAX_TEXT),
  field: z.enum(REASONING_FIELDS),
  /** Off by default: reasoning is shown, not sent back in later turns unless the user asks. */
  send: z.boolean().optional(),
});
export type Reasoning = z.infer<typeof reasoningSchema>;

export const messageSchema = z
  .object({
    id: z.string().min(1).max(100),
    role: z.enum(ROLES),
    content: contentSchema,
    name: z.string().max(200).optional(),
    tool_call_id: z.string().max(200).optional(),
    tool_calls: z.array(toolCallSchema).max(128).optional(),
    refusal: z.string().max(MAX_TEXT).optional(),
    reasoning: reasoningSchema.optional(),
  })
  .refine((m) => m.content !== null || m.role === "assistant", {
    message: "Only an assistant message may have no content.",
    path: ["content"],
  });
export type Message = z.infer<typeof messageSchema>;

/** A parameter is sent only when enabled: the raw request carries exactly what the user set. */
export const paramStateSchema = z.object({ enabled: z.boolean(), value: z.unknown() });
export type ParamState = z.infer<typeof paramStateSchema>;

const paramsShape = Object.fromEntries(PARAM_NAMES.map((n) => [n, paramStateSchema.optional()])) as {
  [K in (typeof PARAM_NAMES)[number]]: z.ZodOptional<typeof paramStateSchema>;
};

export const sessionSchema = z.object({
  /** 1 (text-only messages) still opens; it is read as the current version. */
  version: z.union([z.literal(1), z.literal(SESSION_VERSION)]).transform((): typeof SESSION_VERSION => SESSION_VERSION),
  providerId: z.enum(PROVIDER_IDS),
  model: z.string().max(500),
  /** Base URL for custom, or a documented alternative chosen for a seed provider; "" = default. */
  baseUrl: z.string().max(2000),
  mode: z.enum(["chat", "completions"]),
  systemPrompt: z.string().max(MAX_TEXT),
  messages: z.array(messageSchema).max(1000),
  /** Legacy completions prompt. */
  prompt: z.string().max(MAX_TEXT),
  params: z.object(paramsShape),
  /** JSON object text merged into the body last; "" when unused. */
  extraBody: z.string().max(MAX_TEXT),
});
export type Session = z.infer<typeof sessionSchema>;
export type SessionParams = Session["params"];

export { emptySession } from "./empty";
export { contentText, imageParts, withText } from "./content";
export { SESSION_VERSION };
