import type { Constraint, ConstraintMatcher } from "./constraints/types";
import { Factored } from "../model/factored";
import { type TokenLogprob, tokenLogprob } from "./logprobs";
import type { ContextTable, NgramModel } from "../model/ngram";
import { MixtureSampler, mixtureApplies } from "../model/mixture";
import { mulberry32, type Rng } from "./rng";
import { type Allowed, PenaltyState, Sampler, type SamplingParams } from "./sampler";
import { StopBuffer } from "./stop";
import { EOS_ID } from "../model/tokenizer";

/**
 * One choice's token-by-token generation, shared by streamed and non-streamed answers so that
 * the same request and seed give the same output either way. Each `step()` samples one token and
 * returns the text it releases (stop strings may hold some back) with the tokens behind it.
 */
export type FinishReason = "stop" | "length" | "tool_calls";

export interface TokenRecord {
  id: number;
  piece: string;
  /** Offset of the token's text in the choice's output. */
  offset: number;
  logprob?: TokenLogprob;
}

export interface StepEvent {
  text: string;
  tokens: TokenRecord[];
  finish: FinishReason | null;
}

/** Everything one request fixes for all its choices. */
export interface GenerationSpec {
  model: NgramModel;
  context: ContextTable;
  /** The two tokens before the output (EOS EOS to start a new answer). */
  start: readonly [number, number];
  /** Distinct prompt tokens, for the repetition penalty (shared by all choices). */
  promptSeen: ReadonlySet<number>;
  /** Prompt length in tokens, for usage. */
  promptLength: number;
  sampling: SamplingParams;
  maxTokens: number;
  stop: readonly string[];
  constraint: Constraint | null;
  /** null: no log-probabilities; otherwise how many alternatives per position. */
  topLogprobs: number | null;
}

/** Past this many tokens a constrained output only takes tokens that bring it nearer an end. */
export function closingAfter(maxTokens: number): number {
  return maxTokens - Math.min(64, Math.floor(maxTokens / 4));
}

/** One tool call inside a choice's output: its arguments start at `start` of the output text. */
export interface ToolCallLayout {
  id: string;
  name: string;
  start: number;
}

export interface Source {
  step(): StepEvent;
  readonly done: boolean;
  /** Tokens generated (end-of-sequence excluded). */
  readonly generated: number;
  /** Set when the output is tool calls' arguments, one after another, rather than content. */
  readonly toolCalls?: readonly ToolCallLayout[];
}

export class ChoiceGenerator implements Source {
  done = false;
  generated = 0;
  private readonly spec: GenerationSpec;
  private readonly rng: Rng;
  private readonly sampler: Sampler;
  private readonly penalties: PenaltyState;
  private readonly stop: StopBuffer;
  private readonly matcher: ConstraintMatcher | null;
  private readonly probs: Float64Array;
  private readonly fast: MixtureSampler | null;
  /** Only when temperature or the repetition penalty can use it: touching costs too. */
  private readonly factored: Factored | undefined;
  private a: number;
  private b: number;
  private rawLength = 0;
  private emittedLength = 0;
  private queue: TokenRecord[] = [];
  /** Log-probability of the token just sampled, when asked for. */
  private lastLogprob: TokenLogprob | undefined;

  constructor(spec: GenerationSpec, seed: number) {
    this.spec = spec;
    this.rng = mulberry32(seed);
    this.sampler = new Sampler(spec.sampling, spec.model.size);
    this.penalties = new PenaltyState(spec.promptSeen);
    this.stop = new StopBuffer(spec.stop);
    this.matcher = spec.constraint ? spec.constraint.matcher() : null;
    this.probs = new Float64Array(spec.model.size);
    const { temperature, repetitionPenalty } = spec.sampling;
    const useful = (temperature !== 0 && temperature !== 1) || repetitionPenalty !== 1;
    this.factored = useful ? new Factored() : undefined;
    const fast = mixtureApplies(spec.sampling, spec.constraint !== null, spec.topLogprobs !== null);
    this.fast = fast ? new MixtureSampler(spec.model, spec.sampling.logitBias) : null;
    [this.a, this.b] = spec.start;
  }

  step(): StepEvent {
    if (this.done) return { text: "", tokens: [], finish: null };
    if (this.matcher?.mustEnd()) return this.finish("stop");
    if (this.generated >= this.spec.maxTokens) return this.finish("length");
    const id = this.sample();
    if (id === EOS_ID) return this.finish("stop");
    this.matcher?.advance(id);
    this.penalties.add(id);
    this.generated++;
    this.a = this.b;
    this.b = id;
    const piece = this.spec.model.tokenizer.pieces[id]!;
    this.queue.push({ id, piece, offset: this.rawLength, logprob: this.lastLogprob });
    this.rawLength += piece.length;
    const pushed = this.stop.push(piece);
    this.emittedLength += pushed.emit.length;
    if (pushed.stopped) return this.finish("stop", pushed.emit);
    return { text: pushed.emit, tokens: this.release(), finish: null };
  }

  private sample(): number {
    if (this.fast) {
      const id = this.fast.sample(this.a, this.b, this.spec.context, this.rng);
      if (id >= 0) return id;
    }
    const p = this.probs;
    this.spec.model.distribution(this.a, this.b, p, this.spec.context, this.factored);
    this.sampler.shape(p, this.penalties, this.allowed(), this.factored);
    const id = this.sampler.pick(p, this.rng);
    if (this.spec.topLogprobs !== null) this.lastLogprob = tokenLogprob(p, id, this.spec.topLogprobs);
    return id;
  }

  private allowed(): Allowed | null {
    if (!this.matcher) return null;
    return this.matcher.allowed({ closing: this.generated >= closingAfter(this.spec.maxTokens) });
  }

  /** Tokens whose text has at least begun to be emitted. */
  private release(): TokenRecord[] {
    let n = 0;
    while (n < this.queue.length && this.queue[n]!.offset < this.emittedLength) n++;
    return n === 0 ? [] : this.queue.splice(0, n);
  }

  private finish(reason: FinishReason, stoppedText?: string): StepEvent {
    this.done = true;
    const text = stoppedText ?? this.stop.flush();
    if (stoppedText === undefined) this.emittedLength += text.length;
    const tokens = this.release();
    this.queue = [];
    return { text, tokens, finish: reason };
  }
}
