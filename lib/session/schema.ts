import { z } from "zod";
import { PARAM_NAMES } from "../params/catalog";
import { PROVIDER_IDS } from "../providers/profiles";

/**
 * A playground session: everything needed to rebuild the exact request. It is what localStorage,
 * history, share links, exported files and imports hold, so it is validated with zod whenever it
 * comes from outside this tab.
 */
export const ROLES = ["system", "user", "assistant", "tool"] as const;
export type Role = (typeof ROLES)[number];

export const messageSchema = z.object({
  id: z.string().min(1).max(100),
  role: z.enum(ROLES),
  content: z.string().max(2_000_000),
  name: z.string().max(200).optional(),
  tool_call_id: z.string().max(200).optional(),
});
export type Message = z.infer<typeof messageSchema>;

/** A parameter is sent only when enabled: the raw request carries exactly what the user set. */
export const paramStateSchema = z.object({ enabled: z.boolean(), value: z.unknown() });
export type ParamState = z.infer<typeof paramStateSchema>;

const paramsShape = Object.fromEntries(PARAM_NAMES.map((n) => [n, paramStateSchema.optional()])) as {
  [K in (typeof PARAM_NAMES)[number]]: z.ZodOptional<typeof paramStateSchema>;
};

export const sessionSchema = z.object({
  version: z.literal(1),
  providerId: z.enum(PROVIDER_IDS),
  model: z.string().max(500),
  /** Base URL for custom, or a documented alternative chosen for a seed provider; "" = default. */
  baseUrl: z.string().max(2000),
  mode: z.enum(["chat", "completions"]),
  systemPrompt: z.string().max(2_000_000),
  messages: z.array(messageSchema).max(1000),
  /** Legacy completions prompt. */
  prompt: z.string().max(2_000_000),
  params: z.object(paramsShape),
  /** JSON object text merged into the body last; "" when unused. */
  extraBody: z.string().max(2_000_000),
});
export type Session = z.infer<typeof sessionSchema>;
export type SessionParams = Session["params"];

export { emptySession } from "./empty";
