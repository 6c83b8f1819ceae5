import { badRequest } from "../../errors";
import type { BeamOptions } from "./beam";
import type { Constraint } from "./constraints/types";
import type { GenerationSpec } from "./generate";
import { ComputeClock, checkWork, readLocalLimits } from "./limits";
import type { NgramModel } from "../model/ngram";
import { deriveSeed, randomSeed } from "./rng";
import { DEFAULT_SAMPLING, type SamplingParams } from "./sampler";
import { type CommonRequest, DEFAULT_MAX_TOKENS } from "../api/schema";

/**
 * From a validated request to what the generators need: sampling parameters with their defaults,
 * stop strings, the token budget, the seed of each choice, and beam options.
 */

/** What one prompt contributes: its tokens, per-segment (messages), and the two tokens the output follows. */
export interface PromptInput {
  segments: number[][];
  tokens: number[];
  start: readonly [number, number];
}

export interface Plan {
  specs: GenerationSpec[];
  n: number;
  seed: number;
  beam: BeamOptions | null;
  stream: boolean;
  includeUsage: boolean;
  /** The request's compute budget, charged by whoever generates. */
  clock: ComputeClock;
}

export function parseLogitBias(raw: Record<string, number> | null | undefined, model: NgramModel): Map<number, number> {
  const bias = new Map<number, number>();
  for (const [key, value] of Object.entries(raw ?? {})) {
    const id = Number(key);
    if (!/^\d+$/.test(key) || !model.tokenizer.isValidId(id)) {
      throw badRequest(
        `Invalid logit_bias key '${key}': keys are token ids of this model's tokenizer (see POST /v1/tokenize).`,
        "logit_bias",
      );
    }
    // Extended ids (characters outside the vocabulary) are never generated: a bias on them is a no-op.
    if (id < model.size) bias.set(id, value);
  }
  return bias;
}

export function samplingParams(req: CommonRequest, model: NgramModel): SamplingParams {
  const d = DEFAULT_SAMPLING;
  return {
    temperature: req.temperature ?? d.temperature,
    topK: req.top_k ?? d.topK,
    topP: req.top_p ?? d.topP,
    minP: req.min_p ?? d.minP,
    frequencyPenalty: req.frequency_penalty ?? d.frequencyPenalty,
    presencePenalty: req.presence_penalty ?? d.presencePenalty,
    repetitionPenalty: req.repetition_penalty ?? d.repetitionPenalty,
    logitBias: parseLogitBias(req.logit_bias, model),
  };
}

export function stopStrings(stop: CommonRequest["stop"]): string[] {
  if (stop === null || stop === undefined) return [];
  return (typeof stop === "string" ? [stop] : stop).filter((s) => s.length > 0);
}

/** Beam width: best_of, else max(n, 4) (makePlan has checked best_of ≥ n). */
export function beamOptions(req: CommonRequest, n: number): BeamOptions | null {
  if (!req.use_beam_search) return null;
  return { width: req.best_of ?? Math.max(n, 4), lengthPenalty: req.length_penalty ?? 1, earlyStopping: req.early_stopping ?? false };
}

export interface PlanInput {
  req: CommonRequest;
  model: NgramModel;
  prompts: PromptInput[];
  maxTokens: number | null | undefined;
  topLogprobs: number | null;
  constraint: Constraint | null;
  /** How the client named the token budget and the log-probability count, for error messages. */
  names: { maxTokens: string; topLogprobs: string };
}

export function makePlan({ req, model, prompts, maxTokens, topLogprobs, constraint, names }: PlanInput): Plan {
  const n = req.n ?? 1;
  if (req.best_of !== undefined && req.best_of !== null && req.best_of < n) {
    throw badRequest(`best_of (${req.best_of}) must be at least n (${n}).`, "best_of");
  }
  const sampling = samplingParams(req, model);
  const stop = stopStrings(req.stop);
  const budget = maxTokens ?? DEFAULT_MAX_TOKENS;
  const beam = beamOptions(req, n);
  const limits = readLocalLimits();
  checkWork(
    {
      prompts: prompts.length,
      n,
      maxTokens: budget,
      maxTokensParam: names.maxTokens,
      beamWidth: beam?.width ?? null,
      topLogprobs,
      topLogprobsParam: names.topLogprobs,
    },
    limits,
  );
  const specs = prompts.map(
    (p): GenerationSpec => ({
      model,
      context: model.contextTable(p.segments),
      start: p.start,
      promptSeen: new Set(p.tokens),
      promptLength: p.tokens.length,
      sampling,
      maxTokens: budget,
      stop,
      constraint,
      topLogprobs,
    }),
  );
  return {
    specs,
    n,
    seed: req.seed ?? randomSeed(),
    beam,
    stream: req.stream ?? false,
    includeUsage: req.stream_options?.include_usage ?? false,
    clock: new ComputeClock(limits.maxComputeMs),
  };
}

/** Seed of choice `index`: distinct per choice, the same for the same request seed. */
export function choiceSeed(plan: Plan, index: number): number {
  return deriveSeed(plan.seed, index);
}
