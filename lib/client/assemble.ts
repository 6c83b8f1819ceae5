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
}

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

function mergeToolCalls(target: ToolCall[], deltas: unknown): void {
  if (!Array.isArray(deltas)) return;
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
}

export class StreamAssembler {
  readonly choices: ChoiceState[] = [];
  usage: Usage | null = null;
  private meta: Json = {};
  private kind: "chat" | "completions" | null = null;
  /** Completion tokens counted from content deltas, for tokens/s when no usage arrives. */
  deltaCount = 0;

  /** Applies one parsed chunk; returns true when it carried new text. */
  push(chunk: unknown): boolean {
    if (!isObj(chunk)) return false;
    for (const k of ["id", "object", "created", "model", "system_fingerprint"]) {
      if (chunk[k] !== undefined && this.meta[k] === undefined) this.meta[k] = chunk[k];
    }
    if (isObj(chunk.usage)) this.usage = chunk.usage as Usage;
    if (!Array.isArray(chunk.choices)) return false;
    let grew = false;
    for (const [pos, c] of chunk.choices.entries()) {
      if (isObj(c)) grew = this.applyChoice(c, pos) || grew;
    }
    return grew;
  }

  private applyChoice(c: Json, pos: number): boolean {
    const index = typeof c.index === "number" ? c.index : pos;
    const choice = this.choices[index] ?? emptyChoice(index);
    this.choices[index] = choice;
    let grew = false;
    if (isObj(c.delta)) {
      this.kind = "chat";
      const d = c.delta;
      if (str(d.role)) choice.role = str(d.role);
      if (str(d.content)) {
        choice.text += d.content as string;
        grew = true;
      }
      if (str(d.refusal)) choice.refusal = (choice.refusal ?? "") + d.refusal;
      mergeToolCalls(choice.toolCalls, d.tool_calls);
      if (d.tool_calls) grew = true;
    } else if (typeof c.text === "string") {
      this.kind = "completions";
      choice.text += c.text;
      grew = c.text !== "";
    }
    const lps = normaliseLogprobs(c.logprobs);
    for (const lp of lps) choice.logprobs.push(lp);
    if (c.finish_reason !== undefined && c.finish_reason !== null) choice.finishReason = String(c.finish_reason);
    if (grew) this.deltaCount++;
    return grew;
  }

  /** The object a non-streamed call would have returned, assembled from the chunks. */
  final(): Json {
    const chat = this.kind !== "completions";
    const choices = this.choices.filter(Boolean).map((c) => {
      const lp = c.logprobs.length
        ? { content: c.logprobs.map((t) => ({ token: t.token, logprob: t.logprob, top_logprobs: t.top })) }
        : null;
      if (!chat) return { index: c.index, text: c.text, logprobs: lp, finish_reason: c.finishReason };
      const message: Json = { role: c.role ?? "assistant", content: c.text };
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
      choice.text = str(m.content) ?? "";
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

export function usageFromBody(body: unknown): Usage | null {
  return isObj(body) && isObj(body.usage) ? (body.usage as Usage) : null;
}
