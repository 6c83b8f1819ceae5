import { isParamName } from "../params/catalog";
import { isSecretField } from "../share/secrets";
import { type Message, ROLES, type Session, type SessionParams, emptySession } from "../session/schema";
import type { Target } from "./match";

export type BodyResult = { ok: true; session: Session; notices: string[] } | { ok: false; error: string };

/**
 * A request body as a session that sends the same request: model, messages or prompt, known
 * parameters enabled with their values, and everything else in the extra body (merged last, so
 * even fields the editor can't show, like image parts, are sent as they were).
 */
export function bodyToSession(body: unknown, target: Target): BodyResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: "The request body is not a JSON object." };
  }
  const session: Session = { ...emptySession(target.providerId), baseUrl: target.baseUrl, mode: target.mode };
  const params: SessionParams = {};
  const extra: [string, unknown][] = [];
  const notices: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (isSecretField(key)) notices.push(`The ${key} field was dropped; keys are never stored.`);
    else if (key === "model" && typeof value === "string") session.model = value;
    else if (key === "prompt" && target.mode === "completions" && typeof value === "string") session.prompt = value;
    else if (key === "messages" && target.mode === "chat" && takeMessages(session, value)) continue;
    else if (isParamName(key)) params[key] = { enabled: true, value };
    else extra.push([key, value]);
  }
  if (target.mode === "chat" && !("messages" in body)) notices.push("The request has no messages.");
  if (extra.some(([k]) => k === "messages")) notices.push("Some messages use fields the editor can't show; all messages were kept in the extra body so the request stays the same.");
  session.params = params;
  // fromEntries keeps even a "__proto__" field as a plain field.
  session.extraBody = extra.length > 0 ? JSON.stringify(Object.fromEntries(extra), null, 2) : "";
  return { ok: true, session, notices };
}

/** Puts the messages into the session when each one is exactly what the editor holds; false otherwise. */
function takeMessages(session: Session, value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  const messages: Message[] = [];
  for (const m of value) {
    const msg = editorMessage(m, messages.length + 1);
    if (!msg) return false;
    messages.push(msg);
  }
  // The request sends the system prompt first, so only a leading system message can become it.
  const first = messages[0];
  if (first?.role === "system" && first.name === undefined && first.content.trim() !== "") {
    session.systemPrompt = first.content;
    messages.shift();
  }
  session.messages = messages.map((m, i) => ({ ...m, id: `m${i + 1}` }));
  return true;
}

function editorMessage(m: unknown, n: number): Message | null {
  if (typeof m !== "object" || m === null) return null;
  const { role, content, name, tool_call_id, ...rest } = m as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof content !== "string") return null;
  if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) return null;
  // The request sends name only when non-empty, and tool_call_id only for tool messages.
  if (name !== undefined && (typeof name !== "string" || name === "")) return null;
  if (tool_call_id !== undefined && (role !== "tool" || typeof tool_call_id !== "string" || tool_call_id === "")) return null;
  const msg: Message = { id: `m${n}`, role: role as Message["role"], content };
  if (name !== undefined) msg.name = name;
  if (tool_call_id !== undefined) msg.tool_call_id = tool_call_id;
  return msg;
}
