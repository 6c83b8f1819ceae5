import { contentText } from "../session/content";
import type { MessageContent, Session } from "../session/schema";

/**
 * Prompt templates: `{{name}}` placeholders in the system prompt, the messages and the legacy
 * prompt, filled from one case's variables. A name is a letter or underscore and then letters,
 * digits or underscores; spaces inside the braces are allowed (`{{ topic }}`). Anything else in
 * double braces is left as it is, so a prompt that shows a Mustache example is not broken.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The variable names in a text, in order of first appearance. */
export function textVariables(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/** Every text of a session that is sent as prompt: the system prompt, each message, the prompt. */
function templateTexts(session: Session): string[] {
  return session.mode === "completions" ? [session.prompt] : [session.systemPrompt, ...session.messages.map((m) => contentText(m.content))];
}

/** The variables a session's template uses, in order of first appearance. */
export function sessionVariables(session: Session): string[] {
  return [...new Set(templateTexts(session).flatMap(textVariables))];
}

/**
 * The text with each placeholder replaced by its value. A name without a value is left as
 * written: validation reports it before sending, and a run never sends a silently emptied prompt.
 */
export function fillText(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(vars, name) ? (vars[name] as string) : whole));
}

/** A message's content filled: a string, or each text part of a parts array (images untouched). */
function fillContent(content: MessageContent, vars: Readonly<Record<string, string>>): MessageContent {
  if (content === null) return null;
  if (typeof content === "string") return fillText(content, vars);
  return content.map((p) => (p.type === "text" ? { ...p, text: fillText(p.text, vars) } : p));
}

/** The session with every template text filled; targets and parameters are untouched. */
export function fillSession(session: Session, vars: Readonly<Record<string, string>>): Session {
  return {
    ...session,
    systemPrompt: fillText(session.systemPrompt, vars),
    prompt: fillText(session.prompt, vars),
    messages: session.messages.map((m) => ({ ...m, content: fillContent(m.content, vars) })),
  };
}

/** The session's variables that `vars` has no value for. */
export function unfilledVariables(session: Session, vars: Readonly<Record<string, string>>): string[] {
  return sessionVariables(session).filter((v) => !Object.hasOwn(vars, v));
}
