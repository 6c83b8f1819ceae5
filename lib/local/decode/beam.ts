import type { ConstraintMatcher } from "./constraints/types";
import { type FinishReason, type GenerationSpec, type Source, type StepEvent, type TokenRecord, closingAfter } from "./generate";
import { Factored } from "../model/factored";
import { type TokenLogprob, tokenLogprob } from "./logprobs";
import { PenaltyState, Sampler } from "./sampler";
import { StopBuffer } from "./stop";
import { EOS_ID } from "../model/tokenizer";

/**
 * Beam search over the model's log-probabilities (after logit_bias, penalties and the constraint
 * mask; temperature and truncation are sampling notions and do not apply). Each step extends
 * every live beam by its 2·width most likely tokens and keeps the `width` best extensions by
 * total log-probability; an extension that ends (end-of-sequence, a stop string, a constraint
 * that must end, max_tokens) becomes a finished hypothesis scored `sum / length^length_penalty`.
 *
 * The search ends when every beam has finished, when max_tokens is reached, or when `width`
 * hypotheses are finished and either `early_stopping` is set or no live beam can still beat the
 * worst of them (the Hugging Face "heuristic" rule: a live beam's score at its current length).
 */
export interface BeamOptions {
  width: number;
  lengthPenalty: number;
  earlyStopping: boolean;
}

export interface BeamResult {
  text: string;
  tokens: TokenRecord[];
  finish: FinishReason;
  score: number;
  sumLogprob: number;
  /** Tokens generated, those cut by a stop string included. */
  length: number;
}

interface Beam {
  records: TokenRecord[];
  sum: number;
  a: number;
  b: number;
  penalties: PenaltyState;
  stop: StopBuffer;
  matcher: ConstraintMatcher | null;
  text: string;
  rawLength: number;
}

interface Candidate {
  beam: Beam;
  id: number;
  sum: number;
  logprob: TokenLogprob;
}

export function lengthScore(sum: number, length: number, lengthPenalty: number): number {
  return sum / Math.max(length, 1) ** lengthPenalty;
}

export class BeamSearch {
  private readonly spec: GenerationSpec;
  private readonly opts: BeamOptions;
  private readonly sampler: Sampler;
  private readonly probs: Float64Array;
  private readonly factored = new Factored();
  private alive: Beam[];
  private readonly finished: BeamResult[] = [];
  /** Steps taken; the search runs at most `maxTokens` of them. */
  steps = 0;

  constructor(spec: GenerationSpec, opts: BeamOptions) {
    this.spec = spec;
    this.opts = opts;
    // Beam scores are model log-probabilities: temperature and truncation do not apply.
    this.sampler = new Sampler({ ...spec.sampling, temperature: 1, topK: 0, topP: 1, minP: 0 }, spec.model.size);
    this.probs = new Float64Array(spec.model.size);
    const [a, b] = spec.start;
    const matcher = spec.constraint ? spec.constraint.matcher() : null;
    this.alive = [
      {
        records: [],
        sum: 0,
        a,
        b,
        penalties: new PenaltyState(spec.promptSeen),
        stop: new StopBuffer(spec.stop),
        matcher,
        text: "",
        rawLength: 0,
      },
    ];
  }

  get done(): boolean {
    return this.alive.length === 0;
  }

  /** Runs the whole search (`step` exists so callers can yield to the event loop between steps). */
  run(): BeamResult[] {
    while (!this.done) this.step();
    return this.results();
  }

  results(): BeamResult[] {
    return [...this.finished].sort((x, y) => y.score - x.score);
  }

  step(): void {
    if (this.done) return;
    const candidates: Candidate[] = [];
    for (const beam of this.alive) {
      if (beam.matcher?.mustEnd()) this.finishBeam(beam, "stop");
      else if (beam.records.length >= this.spec.maxTokens) this.finishBeam(beam, "length");
      else candidates.push(...this.expand(beam));
    }
    candidates.sort((x, y) => y.sum - x.sum);
    const next: Beam[] = [];
    for (let rank = 0; rank < candidates.length && next.length < this.opts.width; rank++) {
      const c = candidates[rank]!;
      if (c.id === EOS_ID) {
        // Only an end among the `width` best extensions counts, as in the usual formulation.
        if (rank < this.opts.width) this.finishBeam({ ...c.beam, sum: c.sum }, "stop");
        continue;
      }
      const beam = this.advance(c);
      if (beam) next.push(beam);
    }
    this.alive = next;
    this.steps++;
    if (this.shouldStop()) this.alive = [];
  }

  private expand(beam: Beam): Candidate[] {
    const p = this.probs;
    this.spec.model.distribution(beam.a, beam.b, p, this.spec.context, this.factored);
    const allowed = beam.matcher ? beam.matcher.allowed({ closing: beam.records.length >= closingAfter(this.spec.maxTokens) }) : null;
    this.sampler.shape(p, beam.penalties, allowed, this.factored);
    const topN = this.spec.topLogprobs ?? 0;
    const best = tokenLogprob(p, EOS_ID, Math.min(2 * this.opts.width, p.length)).top;
    return best.map((t) => ({
      beam,
      id: t.id,
      sum: beam.sum + t.logprob,
      logprob: { id: t.id, logprob: t.logprob, top: best.slice(0, topN) },
    }));
  }

  /** The beam extended by the candidate's token, or null when that token ends it (a stop string). */
  private advance(c: Candidate): Beam | null {
    const src = c.beam;
    const piece = this.spec.model.tokenizer.pieces[c.id]!;
    const matcher = src.matcher ? src.matcher.clone() : null;
    matcher?.advance(c.id);
    const penalties = src.penalties.clone();
    penalties.add(c.id);
    const stop = src.stop.clone();
    const pushed = stop.push(piece);
    const record: TokenRecord = { id: c.id, piece, offset: src.rawLength, logprob: this.spec.topLogprobs !== null ? c.logprob : undefined };
    const beam: Beam = {
      records: [...src.records, record],
      sum: c.sum,
      a: src.b,
      b: c.id,
      penalties,
      stop,
      matcher,
      text: src.text + pushed.emit,
      rawLength: src.rawLength + piece.length,
    };
    if (!pushed.stopped) return beam;
    this.finishBeam(beam, "stop", true);
    return null;
  }

  private finishBeam(beam: Beam, finish: FinishReason, stopped = false): void {
    // `held`, not `flush()`: other extensions of the same beam still share its stop buffer.
    const text = stopped ? beam.text : beam.text + beam.stop.held;
    const tokens = stopped ? beam.records.filter((r) => r.offset < text.length) : beam.records;
    const length = beam.records.length;
    this.finished.push({
      text,
      tokens,
      finish,
      length,
      sumLogprob: beam.sum,
      score: lengthScore(beam.sum, length, this.opts.lengthPenalty),
    });
  }

  private shouldStop(): boolean {
    if (this.alive.length === 0) return true;
    if (this.finished.length < this.opts.width) return false;
    if (this.opts.earlyStopping) return true;
    const kept = this.results().slice(0, this.opts.width);
    const worst = kept[kept.length - 1]!.score;
    const bestAlive = Math.max(...this.alive.map((b) => lengthScore(b.sum, b.records.length, this.opts.lengthPenalty)));
    return bestAlive <= worst;
  }
}

/** Replays a finished beam as step events, one token at a time, for streaming. */
export class ReplaySource implements Source {
  done = false;
  generated = 0;
  private i = 0;
  private readonly result: BeamResult;
  private readonly total: number;

  constructor(result: BeamResult) {
    this.result = result;
    this.total = result.length;
  }

  step(): StepEvent {
    const { tokens, text, finish } = this.result;
    if (this.done) return { text: "", tokens: [], finish: null };
    if (this.i >= tokens.length) {
      this.done = true;
      this.generated = this.total;
      return { text: "", tokens: [], finish };
    }
    const rec = tokens[this.i]!;
    const end = this.i + 1 < tokens.length ? tokens[this.i + 1]!.offset : text.length;
    this.i++;
    this.generated = this.i;
    const event: StepEvent = { text: text.slice(rec.offset, end), tokens: [rec], finish: null };
    if (this.i >= tokens.length) {
      this.done = true;
      this.generated = this.total;
      event.finish = finish;
    }
    return event;
  }
}
