import type { FinishReason, TokenRecord } from "../decode/generate";
import type { NgramModel } from "../model/ngram";
import type { ChoiceResult } from "../decode/run";
import { EOS_ID, pieceBytes } from "../model/tokenizer";

/**
 * The OpenAI-shaped objects of answers and stream chunks (shapes from
 * test/fixtures/openai/chat-schemas.json: CreateChatCompletionResponse, ...StreamResponse,
 * CreateCompletionResponse).
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  let s = prefix;
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

/** Names the model configuration: the same seed under the same fingerprint gives the same output. */
export function fingerprint(model: NgramModel): string {
  const { vocabSize, trainingTokens, trainingChars } = model.stats;
  let h = 2166136261;
  for (const v of [vocabSize, trainingTokens, trainingChars]) h = Math.imul(h ^ v, 16777619);
  return `fp_${(h >>> 0).toString(16).padStart(8, "0")}`;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export function usage(promptTokens: number, results: readonly { generated: number }[]): Usage {
  const completion = results.reduce((s, r) => s + r.generated, 0);
  return { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion };
}

/** Fields every object of one answer shares. */
export interface AnswerMeta {
  id: string;
  created: number;
  model: string;
  system_fingerprint: string;
}

export interface ChatTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: { token: string; logprob: number; bytes: number[] }[];
}

/** How an alternative is named in log-probabilities: end-of-sequence as OpenAI names it. */
export function displayPiece(model: NgramModel, id: number): string {
  return id === EOS_ID ? "<|endoftext|>" : model.tokenizer.piece(id);
}

export function chatLogprobs(tokens: readonly TokenRecord[], model: NgramModel): ChatTokenLogprob[] {
  const piece = (id: number) => displayPiece(model, id);
  return tokens.map((t) => ({
    token: t.piece,
    logprob: t.logprob?.logprob ?? 0,
    bytes: pieceBytes(t.piece),
    top_logprobs: (t.logprob?.top ?? []).map((a) => ({ token: piece(a.id), logprob: a.logprob, bytes: pieceBytes(piece(a.id)) })),
  }));
}

/** The message of one choice: content, or (for a choice that calls functions) `tool_calls`. */
function chatMessage(r: ChoiceResult) {
  if (!r.toolCalls) return { role: "assistant" as const, content: r.text, refusal: null };
  const layout = r.toolCalls;
  const toolCalls = layout.map((c, k) => ({
    id: c.id,
    type: "function" as const,
    function: { name: c.name, arguments: r.text.slice(c.start, layout[k + 1]?.start ?? r.text.length) },
  }));
  return { role: "assistant" as const, content: null, refusal: null, tool_calls: toolCalls };
}

export function chatCompletion(meta: AnswerMeta, results: ChoiceResult[], model: NgramModel, withLogprobs: boolean, u: Usage) {
  return {
    ...meta,
    object: "chat.completion" as const,
    choices: results.map((r) => ({
      index: r.index,
      message: chatMessage(r),
      // Arguments carry no log-probabilities, as OpenAI's tool calls do not.
      logprobs: withLogprobs && !r.toolCalls ? { content: chatLogprobs(r.tokens, model), refusal: null } : null,
      finish_reason: r.finish,
    })),
    usage: u,
  };
}

export interface CompletionLogprobs {
  tokens: string[];
  token_logprobs: number[];
  top_logprobs: Record<string, number>[];
  text_offset: number[];
}

/** Legacy shape; `base` shifts offsets (the echoed prompt's length, or the text already streamed). */
export function completionLogprobs(tokens: readonly TokenRecord[], model: NgramModel, base: number): CompletionLogprobs {
  return {
    tokens: tokens.map((t) => t.piece),
    token_logprobs: tokens.map((t) => t.logprob?.logprob ?? 0),
    top_logprobs: tokens.map((t) => Object.fromEntries((t.logprob?.top ?? []).map((a) => [displayPiece(model, a.id), a.logprob]))),
    text_offset: tokens.map((t) => base + t.offset),
  };
}

export interface CompletionChoice {
  index: number;
  text: string;
  logprobs: CompletionLogprobs | null;
  finish_reason: FinishReason | null;
}

export function textCompletion(meta: AnswerMeta, choices: CompletionChoice[], u?: Usage) {
  return { ...meta, object: "text_completion" as const, choices, ...(u ? { usage: u } : {}) };
}

export function chatChunk(meta: AnswerMeta, choices: unknown[], extra: Record<string, unknown> = {}) {
  return { ...meta, object: "chat.completion.chunk" as const, choices, ...extra };
}
