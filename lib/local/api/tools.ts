import { badRequest } from "../../errors";
import { schemaConstraint } from "../decode/constraint";
import type { Constraint, Vocab } from "../decode/constraints/types";
import { messageText } from "./prompt";
import { deriveSeed, mulberry32 } from "../decode/rng";
import type { ChatMessage, ChatRequest, Tool } from "./schema";

/**
 * Function calling, OpenAI's semantics: which functions a chat answer calls (none: the answer is
 * text), each with the constraint its `parameters` schema compiles to. The rule (README):
 *  - "none", or no tools: text. A named function: exactly that one.
 *  - "auto": text when the conversation ends with tool results; otherwise a call.
 *  - "auto" and "required" call the functions the last user message names (in the order it names
 *    them), else one picked by the seed; "required" with nothing named and two or more tools
 *    calls two (the pick and the next one), to show parallel calls.
 *  - parallel_tool_calls: false keeps only the first call.
 *  - {type: "allowed_tools", allowed_tools: {mode, tools}}: mode's rule over those tools only.
 */
export interface PlannedCall {
  name: string;
  constraint: Constraint;
}

/** Arguments of a function without `parameters`: it takes none. */
const NO_PARAMETERS = { type: "object", properties: {}, additionalProperties: false };
/** Salt of the seed that picks a function (choices use their indices, well below it). */
const PICK_SALT = 0x7001;
/** How much of the last user message is searched for function names (bounds 128 names × 4 MB). */
const MENTION_WINDOW = 20_000;

/** Checks what the schema cannot: unique names, tool_choice against tools, tool results against calls. */
export function validateTools(req: ChatRequest): void {
  const tools = req.tools ?? [];
  const seen = new Set<string>();
  for (const [i, t] of tools.entries()) {
    if (seen.has(t.function.name))
      throw badRequest(`Duplicate function name '${t.function.name}' in 'tools'.`, `tools[${i}].function.name`);
    seen.add(t.function.name);
  }
  const choice = req.tool_choice;
  if (tools.length === 0 && (choice === "required" || typeof choice === "object")) {
    throw badRequest("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", "tool_choice");
  }
  const named = typeof choice !== "object" || choice === null ? [] : choice.type === "function" ? [choice] : choice.allowed_tools.tools;
  for (const n of named) {
    if (!seen.has(n.function.name))
      throw badRequest(`Invalid value for 'tool_choice': no function named '${n.function.name}' in 'tools'.`, "tool_choice");
  }
  validateToolMessages(req.messages);
}

/** A `tool` message must answer a call of an earlier assistant message, as providers require. */
function validateToolMessages(messages: readonly ChatMessage[]): void {
  const calls = new Set<string>();
  for (const [i, m] of messages.entries()) {
    if (m.role === "assistant") for (const c of m.tool_calls ?? []) calls.add(c.id);
    if (m.role === "tool" && !calls.has(m.tool_call_id)) {
      throw badRequest(
        `Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls'; no earlier assistant message has a tool call with id '${m.tool_call_id}'.`,
        `messages[${i}].tool_call_id`,
      );
    }
  }
}

/** Every function's parameters compiled (so a bad schema is a 400 whether or not it is called). */
export function compileTools(tools: readonly Tool[], vocab: Vocab): Map<string, Constraint> {
  const out = new Map<string, Constraint>();
  for (const [i, t] of tools.entries()) {
    const { name, parameters } = t.function;
    const param = `tools[${i}].function.parameters`;
    if (parameters !== undefined && parameters.type !== "object") {
      throw badRequest(
        `Invalid schema for function '${name}': parameters must be a JSON Schema of type "object", got type ${JSON.stringify(parameters.type ?? null)}.`,
        param,
      );
    }
    out.set(name, schemaConstraint(parameters ?? NO_PARAMETERS, vocab, param, `Invalid schema for function '${name}'`));
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `text` contains `word` as a whole word (case-insensitive): its position, or -1. */
function wordAt(text: string, word: string): number {
  return text.search(new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(word)}(?![A-Za-z0-9_])`, "i"));
}

/**
 * Functions the text names, in order of first mention: by the name itself, the name with `_`/`-`
 * read as spaces, or every word of four letters or more of it ("weather" names get_weather).
 */
export function mentionedFunctions(text: string, names: readonly string[]): string[] {
  const found: { name: string; at: number }[] = [];
  for (const name of names) {
    const words = name.split(/[_-]+/).filter((w) => w.length >= 4);
    const byWords = words.map((w) => wordAt(text, w));
    const at = [
      wordAt(text, name),
      wordAt(text, name.replace(/[_-]+/g, " ")),
      byWords.length > 0 && byWords.every((p) => p >= 0) ? Math.min(...byWords) : -1,
    ].filter((p) => p >= 0);
    if (at.length > 0) found.push({ name, at: Math.min(...at) });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.name);
}

/** Names of the functions this answer calls, in order; empty for a text answer. */
export function chooseCalls(req: ChatRequest, seed: number): string[] {
  let names = (req.tools ?? []).map((t) => t.function.name);
  let choice = req.tool_choice ?? (names.length > 0 ? "auto" : "none");
  if (typeof choice === "object" && choice.type === "allowed_tools") {
    const allowed = new Set(choice.allowed_tools.tools.map((t) => t.function.name));
    names = names.filter((n) => allowed.has(n));
    choice = choice.allowed_tools.mode;
  }
  if (names.length === 0 || choice === "none") return [];
  if (typeof choice === "object") return [choice.function.name];
  const last = req.messages[req.messages.length - 1]!;
  if (choice === "auto" && last.role === "tool") return [];
  const lastUser = [...req.messages].reverse().find((m) => m.role === "user");
  let calls = lastUser ? mentionedFunctions(messageText(lastUser).slice(0, MENTION_WINDOW), names) : [];
  if (calls.length === 0) {
    const pick = Math.floor(mulberry32(deriveSeed(seed, PICK_SALT))() * names.length);
    calls = [names[pick]!];
    if (choice === "required" && names.length >= 2) calls.push(names[(pick + 1) % names.length]!);
  }
  return req.parallel_tool_calls === false ? calls.slice(0, 1) : calls;
}

/** The calls of this answer with their constraints, or null for a text answer. */
export function planToolCalls(req: ChatRequest, vocab: Vocab, seed: number): PlannedCall[] | null {
  validateTools(req);
  const compiled = compileTools(req.tools ?? [], vocab);
  const names = chooseCalls(req, seed);
  if (names.length === 0) return null;
  if (req.use_beam_search)
    throw badRequest(
      'use_beam_search cannot be combined with a tool call; set tool_choice to "none" or turn beam search off.',
      "use_beam_search",
    );
  return names.map((name) => ({ name, constraint: compiled.get(name)! }));
}
