import { badRequest } from "../../errors";
import type { NgramModel } from "../model/ngram";
import type { PromptInput } from "../decode/plan";
import type { ChatMessage, CompletionRequest } from "./schema";
import { EOS_ID } from "../model/tokenizer";

/**
 * What the model reads. A chat answer starts a new document (context EOS EOS) and learns from
 * every message's text, tool calls and tool results included; a completion continues its prompt.
 */
export function messageText(m: ChatMessage): string {
  let text = "";
  if (typeof m.content === "string") text = m.content;
  else if (Array.isArray(m.content)) text = m.content.map(partText).join("");
  if (m.role === "assistant" && m.tool_calls && m.tool_calls.length > 0) text += (text ? "\n" : "") + JSON.stringify(m.tool_calls);
  return text;
}

/** Text parts and refusals are read; images, audio and files are not (the model has no eyes). */
function partText(part: { type: string; text?: string; refusal?: string }): string {
  return part.text ?? part.refusal ?? "";
}

export function chatPrompt(messages: readonly ChatMessage[], model: NgramModel): PromptInput {
  const segments = messages.map((m) => model.tokenizer.encode(messageText(m)));
  return { segments, tokens: segments.flat(), start: [EOS_ID, EOS_ID] };
}

function fromTokens(tokens: number[]): PromptInput {
  const last = tokens[tokens.length - 1] ?? EOS_ID;
  const before = tokens.length >= 2 ? tokens[tokens.length - 2]! : EOS_ID;
  return { segments: [tokens], tokens, start: [before, last] };
}

/** One PromptInput per prompt (a string, strings, token ids, or lists of token ids), with its text for `echo`. */
export function completionPrompts(prompt: CompletionRequest["prompt"], model: NgramModel): { input: PromptInput; text: string }[] {
  const tok = model.tokenizer;
  const check = (ids: number[]) => {
    for (const id of ids) if (!tok.isValidId(id)) throw badRequest(`Invalid token id ${id} in 'prompt'.`, "prompt");
    return ids;
  };
  if (typeof prompt === "string") return [{ input: fromTokens(tok.encode(prompt)), text: prompt }];
  if (prompt.length > 0 && typeof prompt[0] === "number") {
    const ids = check(prompt as number[]);
    return [{ input: fromTokens(ids), text: tok.decode(ids) }];
  }
  return (prompt as (string | number[])[]).map((p) =>
    typeof p === "string" ? { input: fromTokens(tok.encode(p)), text: p } : { input: fromTokens(check(p)), text: tok.decode(p) },
  );
}
