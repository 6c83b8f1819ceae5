import { isParamName } from "../params/catalog";
import { getProfile } from "../providers";
import { isSecretField } from "../redact/secrets";
import { wireMessage } from "../request/build";
import { emptySession, type Message, messageSchema, type Session, type SessionParams } from "../session/schema";
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
    if (isSecretField(key)) notices.push(secretNotice(target, key));
    else if (key === "model" && typeof value === "string") session.model = value;
    else if (key === "prompt" && target.mode === "completions" && typeof value === "string") session.prompt = value;
    else if (key === "messages" && target.mode === "chat" && takeMessages(session, value)) continue;
    else if (isParamName(key) && isDocPlaceholder(value)) {
      // Horay's example sends stop ["<string>"]: the page's stand-in, not a real stop sequence.
      params[key] = { enabled: false, value };
      notices.push(
        `${key} held ${JSON.stringify(value)}, a placeholder from the provider's documentation: it was imported unticked, so it is not sent until you set it.`,
      );
    } else if (isParamName(key)) params[key] = { enabled: true, value };
    else extra.push([key, value]);
  }
  if (target.mode === "chat" && !("messages" in body)) notices.push("The request has no messages.");
  if (extra.some(([k]) => k === "messages"))
    notices.push("Some messages use fields the editor can't show; all messages were kept in the extra body so the request stays the same.");
  session.params = params;
  // fromEntries keeps even a "__proto__" field as a plain field.
  session.extraBody = extra.length > 0 ? JSON.stringify(Object.fromEntries(extra), null, 2) : "";
  return { ok: true, session, notices };
}

/** A key in the body is never imported; a field the provider documents (Telnyx's openai_api_key) has a place to type it. */
function secretNotice(target: Target, key: string): string {
  const documented = getProfile(target.providerId)?.secretFields?.find((f) => f.name === key);
  return documented
    ? `The ${key} field was dropped; keys are never stored. Type it into the ${key} field (kept in memory only); snippets read it from ${documented.env}.`
    : `The ${key} field was dropped; keys are never stored.`;
}

/** `"<string>"`, `["<string>"]`: a documentation page's stand-in for a value (a type name in angle brackets). */
function isDocPlaceholder(value: unknown): boolean {
  const one = (v: unknown) => typeof v === "string" && /^<[a-z][a-z _-]*>$/i.test(v);
  return one(value) || (Array.isArray(value) && value.length > 0 && value.every(one));
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
  if (first?.role === "system" && first.name === undefined && typeof first.content === "string" && first.content.trim() !== "") {
    session.systemPrompt = first.content;
    messages.shift();
  }
  session.messages = messages.map((m, i) => ({ ...m, id: `m${i + 1}` }));
  return true;
}

/**
 * The editor's form of one request message, or null when the editor can't hold it exactly: the
 * message is rebuilt with the request builder and must come out the same (keys in any order).
 */
function editorMessage(m: unknown, n: number): Message | null {
  if (typeof m !== "object" || m === null || Array.isArray(m)) return null;
  const { reasoning_content, reasoning, ...fields } = m as Record<string, unknown>;
  const candidate: Record<string, unknown> = { ...fields, id: `m${n}` };
  // Reasoning in a request was sent on purpose, so it stays sent, in the same field.
  if (typeof reasoning_content === "string") candidate.reasoning = { text: reasoning_content, field: "reasoning_content", send: true };
  else if (typeof reasoning === "string") candidate.reasoning = { text: reasoning, field: "reasoning", send: true };
  if (reasoning_content !== undefined && reasoning !== undefined) return null;
  const parsed = messageSchema.safeParse(candidate);
  if (!parsed.success) return null;
  return sameJson(wireMessage(parsed.data), m) ? parsed.data : null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
