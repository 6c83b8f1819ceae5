import type { ParamName } from "../params/catalog";
import { getProfile, LOCAL_MODEL_ID, type ProviderId } from "../providers";
import { emptySession } from "./empty";
import type { Message, MessageContent, ParamState, Role, Session } from "./schema";

/**
 * The first-visit session: the built-in local provider, an empty conversation, and `stream` set
 * (shown as set in the panel, with its reset): the product is a streaming chat view, and the raw
 * request shows the `stream: true` it sends.
 */
export function defaultSession(): Session {
  return { ...emptySession("local", LOCAL_MODEL_ID), params: { stream: { enabled: true, value: true } } };
}

/**
 * On a first visit the local provider is the default, unless the server holds a key for a
 * remote provider: then the first such provider (in registry order) is used.
 */
export function firstConfiguredProvider(providers: readonly { id: ProviderId; hasServerKey: boolean }[]): ProviderId | null {
  return providers.find((p) => p.hasServerKey && p.id !== "local" && p.id !== "custom")?.id ?? null;
}

/** The message roles (ROLES of lib/session/schema, without importing zod; a unit test checks they agree). */
export const MESSAGE_ROLES = ["system", "user", "assistant", "tool"] as const satisfies readonly Role[];

export type SessionAction =
  | { type: "replace"; session: Session }
  | { type: "setProvider"; providerId: ProviderId }
  | { type: "setModel"; model: string }
  | { type: "setBaseUrl"; baseUrl: string }
  | { type: "setMode"; mode: Session["mode"] }
  | { type: "setSystemPrompt"; text: string }
  | { type: "setPrompt"; text: string }
  | { type: "addMessage"; message: Message }
  | { type: "updateMessage"; id: string; patch: Partial<Omit<Message, "id">> }
  | { type: "moveMessage"; id: string; by: -1 | 1 }
  | { type: "deleteMessage"; id: string }
  | { type: "clearConversation" }
  | { type: "setParam"; name: ParamName; state: ParamState | undefined }
  | { type: "setExtraBody"; text: string };

let counter = 0;
export function newMessageId(): string {
  counter++;
  return `m${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function newMessage(role: Role, content: MessageContent): Message {
  return { id: newMessageId(), role, content };
}

/** A message built elsewhere (an answer, a tool result) given its id. */
export function withNewId(m: Omit<Message, "id">): Message {
  return { id: newMessageId(), ...m };
}

export function sessionReducer(s: Session, a: SessionAction): Session {
  switch (a.type) {
    case "replace":
      return a.session;
    case "setProvider": {
      if (a.providerId === s.providerId) return s;
      const profile = getProfile(a.providerId);
      const offersCompletions = profile?.endpoints.includes("completions") ?? false;
      return {
        ...s,
        providerId: a.providerId,
        model: profile?.defaultModel ?? "",
        baseUrl: "",
        mode: s.mode === "completions" && !offersCompletions ? "chat" : s.mode,
      };
    }
    case "setModel":
      return { ...s, model: a.model };
    case "setBaseUrl":
      return { ...s, baseUrl: a.baseUrl };
    case "setMode":
      return { ...s, mode: a.mode };
    case "setSystemPrompt":
      return { ...s, systemPrompt: a.text };
    case "setPrompt":
      return { ...s, prompt: a.text };
    case "addMessage":
      return { ...s, messages: [...s.messages, a.message] };
    case "updateMessage":
      return { ...s, messages: s.messages.map((m) => (m.id === a.id ? { ...m, ...a.patch } : m)) };
    case "moveMessage":
      return { ...s, messages: move(s.messages, a.id, a.by) };
    case "deleteMessage":
      return { ...s, messages: s.messages.filter((m) => m.id !== a.id) };
    case "clearConversation":
      return { ...s, messages: [], prompt: "" };
    case "setParam": {
      const params = { ...s.params };
      if (a.state === undefined) delete params[a.name];
      else params[a.name] = a.state;
      return { ...s, params };
    }
    case "setExtraBody":
      return { ...s, extraBody: a.text };
  }
}

function move<T extends { id: string }>(list: T[], id: string, by: -1 | 1): T[] {
  const i = list.findIndex((m) => m.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= list.length) return list;
  const out = list.slice();
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
