import type { ReasoningField } from "../session/schema";
import { splitThink, ThinkSplitter } from "./think";

/**
 * Turns OpenAI-style stream chunks (chat.completion.chunk or text_completion) into per-choice
 * state while they arrive, and into the final object a non-streamed call would have returned.
 * Non-streamed bodies go through `choicesFromBody` so both paths render the same way.
 */
export interface TokenLogprob {
  token: string;
  logprob: number;
  top: { token: string; logprob: number }[];
}

export interface ToolCall {
  id?: string;
  type?: string;
  function: { name: string; arguments: string };
}

export interface ChoiceState {
  index: number;
  role?: string;
  /** Assistant content (chat) or text (completions). */
  text: string;
  toolCalls: ToolCall[];
  logprobs: TokenLogprob[];
  finishReason: string | null;
  /** Chat refusal text, when a model refused. */
  refusal?: string;
  /** Reasoning, apart from the answer, and where the model put it. */
  reasoning?: { text: string; field: ReasoningField };
}

/** What one chunk added: reasoning, or the answer (content, a refusal or tool calls). */
export interface Growth {
  reasoning: boolean;
  answer: boolean;
}

/** The reasoning fields of a delta or message: DeepSeek's, then vLLM's and OpenRouter's. */
const REASONING_KEYS = ["reasoning_content", "reasoning"] as const;

export interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
}

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export function emptyChoice(index: number): ChoiceState {
  return { index, text: "", toolCalls: [], logprobs: [], finishReason: null };
}

/** Chat logprobs `{content:[{token,logprob,top_logprobs}]}` or legacy `{tokens,token_logprobs,top_logprobs}`. */
export function normaliseLogprobs(lp: unknown): TokenLogprob[] {
  if (!isObj(lp)) return [];
  if (Array.isArray(lp.content)) {
    return lp.content.filter(isObj).map((c) => ({
      token: str(c.token) ?? "",
      logprob: typeof c.logprob === "number" ? c.logprob : Number.NaN,
      top: Array.isArray(c.top_logprobs)
        ? c.top_logprobs.filter(isObj).map((t) => ({ token: str(t.token) ?? "", logprob: Number(t.logprob) }))
        : [],
    }));
  }
  if (Array.isArray(lp.tokens)) {
    const lps = Array.isArray(lp.token_logprobs) ? lp.token_logprobs : [];
    const tops = Array.isArray(lp.top_logprobs) ? lp.top_logprobs : [];
    return lp.tokens.map((t, i) => ({
      token: String(t),
      logprob: typeof lps[i] === "number" ? (lps[i] as number) : Number.NaN,
      top: isObj(tops[i]) ? Object.entries(tops[i] as Json).map(([token, v]) => ({ token, logprob: Number(v) })) : [],
    }));
  }
  return [];
}

function addReasoning(choice: ChoiceState, text: string, field: ReasoningField): void {
  if (text === "") return;
  if (choice.reasoning) choice.reasoning.text += text;
  else choice.reasoning = { text, field };
}

/** Tool-call deltas go to the call of their `index`: parallel calls stream interleaved. */
function mergeToolCalls(target: ToolCall[], deltas: unknown): boolean {
  if (!Array.isArray(deltas)) return false;
  for (const [pos, d] of deltas.entries()) {
    if (!isObj(d)) continue;
    const i = typeof d.index === "number" ? d.index : pos;
    const call = target[i] ?? { function: { name: "", arguments: "" } };
    target[i] = call;
    if (str(d.id)) call.id = str(d.id);
    if (str(d.type)) call.type = str(d.type);
    const fn = isObj(d.function) ? d.function : {};
    if (str(fn.name)) call.function.name += str(fn.name);
    if (str(fn.arguments)) call.function.arguments += str(fn.arguments);
  }
  return deltas.length > 0;
}

export class StreamAssembler {
  readonly choices: ChoiceState[] = [];
  usage: Usage | null = null;
  private meta: Json = {};
  private kind: "chat" | "completions" | null = null;
  /** Completion tokens counted from content and reasoning deltas, for tokens/s when no usage arrives. */
  deltaCount = 0;
  /** Per choice: the content exactly as sent (`<think>` included), and its splitter. */
  private readonly content: string[] = [];
  private readonly think: ThinkSplitter[] = [];

  /**
   * Applies one parsed chunk; says what it added. The usage chunk (`choices: []`, sent last with
   * `stream_options.include_usage`) adds nothing but the usage.
   */
  push(chunk: unknown): Growth {
    const grew: Growth = { reasoning: false, answer: false };
    if (!isObj(chunk)) return grew;
    for (const k of ["id", "object", "created", "model", "system_fingerprint"]) {
      if (chunk[k] !== undefined && this.meta[k] === undefined) this.meta[k] = chunk[k];
    }
    if (isObj(chunk.usage)) this.usage = chunk.usage as Usage;
    if (!Array.isArray(chunk.choices)) return grew;
    for (const [pos, c] of chunk.choices.entries()) {
      if (isObj(c)) this.applyChoice(c, pos, grew);
    }
    return grew;
  }

  /** The stream ended: text held back while it might have been a `</think>` is released. */
  end(): Growth {
    const grew: Growth = { reasoning: false, answer: false };
    for (const [i, splitter] of this.think.entries()) {
      const choice = this.choices[i];
      if (!splitter || !choice) continue;
      const g = this.applyThink(choice, splitter.end());
      grew.answer ||= g.answer;
      grew.reasoning ||= g.reasoning;
    }
    return grew;
  }

  private applyChoice(c: Json, pos: number, total: Growth): void {
    const index = typeof c.index === "number" ? c.index : pos;
    const choice = this.choices[index] ?? emptyChoice(index);
    this.choices[index] = choice;
    const grew: Growth = { reasoning: false, answer: false };
    if (isObj(c.delta)) {
      this.kind = "chat";
      this.applyDelta(choice, index, c.delta, grew);
    } else if (typeof c.text === "string") {
      this.kind = "completions";
      choice.text += c.text;
      grew.answer = c.text !== "";
    }
    const lps = normaliseLogprobs(c.logprobs);
    for (const lp of lps) choice.logprobs.push(lp);
    if (c.finish_reason !== undefined && c.finish_reason !== null) choice.finishReason = String(c.finish_reason);
    if (grew.answer || grew.reasoning) this.deltaCount++;
    total.answer ||= grew.answer;
    total.reasoning ||= grew.reasoning;
  }

  private applyDelta(choice: ChoiceState, index: number, d: Json, grew: Growth): void {
    if (str(d.role)) choice.role = str(d.role);
    for (const key of REASONING_KEYS) {
      const r = str(d[key]);
      if (r) {
        addReasoning(choice, r, key);
        grew.reasoning = true;
      }
    }
    const content = str(d.content);
    if (content) {
      this.content[index] = (this.content[index] ?? "") + content;
      const splitter = this.think[index] ?? new ThinkSplitter();
      this.think[index] = splitter;
      const g = this.applyThink(choice, splitter.push(content));
      grew.answer ||= g.answer;
      grew.reasoning ||= g.reasoning;
    }
    if (str(d.refusal)) {
      choice.refusal = (choice.refusal ?? "") + d.refusal;
      grew.answer = true;
    }
    if (mergeToolCalls(choice.toolCalls, d.tool_calls)) grew.answer = true;
  }

  private applyThink(choice: ChoiceState, out: { reasoning: string; answer: string }): Growth {
    addReasoning(choice, out.reasoning, "think");
    choice.text += out.answer;
    return { reasoning: out.reasoning !== "", answer: out.answer !== "" };
  }

  /** The object a non-streamed call would have returned, assembled from the chunks. */
  final(): Json {
    const chat = this.kind !== "completions";
    const choices = this.choices.filter(Boolean).map((c) => {
      const lp = c.logprobs.length
        ? { content: c.logprobs.map((t) => ({ token: t.token, logprob: t.logprob, top_logprobs: t.top })) }
        : null;
      if (!chat) return { index: c.index, text: c.text, logprobs: lp, finish_reason: c.finishReason };
      const content = this.content[c.index] ?? "";
      const bare = content === "" && (c.toolCalls.length > 0 || c.refusal !== undefined);
      const message: Json = { role: c.role ?? "assistant", content: bare ? null : content };
      if (c.reasoning && c.reasoning.field !== "think") message[c.reasoning.field] = c.reasoning.text;
      if (c.refusal) message.refusal = c.refusal;
      if (c.toolCalls.length) message.tool_calls = c.toolCalls;
      return { index: c.index, message, logprobs: lp, finish_reason: c.finishReason };
    });
    const object = chat ? "chat.completion" : "text_completion";
    const out: Json = { ...this.meta, object, choices };
    if (this.usage) out.usage = this.usage;
    return out;
  }
}

/** Choices of a non-streamed response body (chat or completions). */
export function choicesFromBody(body: unknown): ChoiceState[] {
  if (!isObj(body) || !Array.isArray(body.choices)) return [];
  return body.choices.filter(isObj).map((c, pos) => {
    const choice = emptyChoice(typeof c.index === "number" ? c.index : pos);
    const m = isObj(c.message) ? c.message : null;
    if (m) {
      choice.role = str(m.role);
      readMessageText(choice, m);
      if (str(m.refusal)) choice.refusal = str(m.refusal);
      mergeToolCalls(choice.toolCalls, Array.isArray(m.tool_calls) ? m.tool_calls.map((t, i) => ({ index: i, ...t })) : undefined);
    } else {
      choice.text = str(c.text) ?? "";
    }
    choice.logprobs = normaliseLogprobs(c.logprobs);
    choice.finishReason = c.finish_reason == null ? null : String(c.finish_reason);
    return choice;
  });
}

/** A whole message's reasoning (a field, or `<think>` opening the content) apart from its answer. */
function readMessageText(choice: ChoiceState, m: Json): void {
  for (const key of REASONING_KEYS) {
    const r = str(m[key]);
    if (r && !choice.reasoning) choice.reasoning = { text: r, field: key };
  }
  const split = splitThink(str(m.content) ?? "");
  choice.text = split.answer;
  if (split.sawThink && !choice.reasoning) choice.reasoning = { text: split.reasoning, field: "think" };
}

export function usageFromBody(body: unknown): Usage | null {
  return isObj(body) && isObj(body.usage) ? (body.usage as Usage) : null;
}
