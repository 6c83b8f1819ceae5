import { PARAM_NAMES } from "../params/catalog";
import type { Message, Session } from "../session/schema";

export type RequestPath = "chat/completions" | "completions";

export interface BuiltRequest {
  path: RequestPath;
  /** The JSON body, keys in the order they are sent. */
  body: Record<string, unknown>;
  /** Exactly the bytes sent (and shown in the raw view, and used by snippets). */
  text: string;
  /** Problems that stop the request from being built (an extra body that is not a JSON object). */
  errors: string[];
}

/**
 * Builds the exact request a session sends: model, then messages or prompt, then only the
 * enabled parameters in catalogue order, then the extra body merged last (it may override).
 * One function for the playground, compare, snippets and share links, so they never disagree.
 */
export function buildRequest(session: Session): BuiltRequest {
  const errors: string[] = [];
  const path: RequestPath = session.mode === "completions" ? "completions" : "chat/completions";
  const body: Record<string, unknown> = { model: session.model };
  if (path === "completions") {
    body.prompt = session.prompt;
  } else {
    body.messages = chatMessages(session);
  }
  for (const name of PARAM_NAMES) {
    const p = session.params[name];
    if (p?.enabled) body[name] = p.value;
  }
  const extra = parseExtraBody(session.extraBody);
  if (extra.error) errors.push(extra.error);
  else Object.assign(body, extra.value);
  return { path, body, text: JSON.stringify(body), errors };
}

function chatMessages(session: Session): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (session.systemPrompt.trim() !== "") out.push({ role: "system", content: session.systemPrompt });
  for (const m of session.messages) out.push(wireMessage(m));
  return out;
}

/**
 * One message as the API carries it. Fields the API allows only on some roles are sent only
 * there; reasoning goes back only when the user asked for it, in the place the model used.
 */
export function wireMessage(m: Message): Record<string, unknown> {
  const assistant = m.role === "assistant";
  const sendReasoning = assistant && m.reasoning?.send === true ? m.reasoning : undefined;
  const think = sendReasoning?.field === "think" && typeof m.content === "string";
  const msg: Record<string, unknown> = { role: m.role, content: think ? `<think>${sendReasoning.text}</think>${m.content}` : m.content };
  if (m.name) msg.name = m.name;
  if (m.role === "tool" && m.tool_call_id) msg.tool_call_id = m.tool_call_id;
  if (assistant && m.tool_calls && m.tool_calls.length > 0) msg.tool_calls = m.tool_calls;
  if (assistant && m.refusal) msg.refusal = m.refusal;
  if (sendReasoning && sendReasoning.field !== "think") msg[sendReasoning.field] = sendReasoning.text;
  return msg;
}

export function parseExtraBody(text: string): { value: Record<string, unknown>; error?: string } {
  if (text.trim() === "") return { value: {} };
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== "object" || v === null || Array.isArray(v)) {
      return { value: {}, error: "Extra body must be a JSON object." };
    }
    return { value: v as Record<string, unknown> };
  } catch (e) {
    return { value: {}, error: `Extra body is not valid JSON: ${(e as Error).message}` };
  }
}
