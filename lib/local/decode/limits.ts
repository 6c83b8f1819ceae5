import { ApiError } from "../../errors";
import type { Env } from "../../providers/server-config";

/**
 * What one request may cost the server. The model is fast on its default path (~400k tokens/s)
 * but 30–100× slower with temperature, penalties, guidance or beams, and log-probabilities make
 * answers large; without caps one small body could take seconds of CPU and tens of MB. Checked
 * before any work (tokens, beams, log-probability entries), plus budgets on the CPU time spent
 * computing and on the request's wall time, all 400s naming the limit.
 *
 *  - LOCAL_MODEL_MAX_REQUEST_TOKENS (default 4096): prompts × n × max_tokens, and for beam search
 *    prompts × beam width × max_tokens. Log-probability entries (tokens × (1 + top_logprobs))
 *    may be at most 8 times it (~3 MB of JSON at the default).
 *  - LOCAL_MODEL_MAX_COMPUTE_MS (default 1000): CPU time of one request.
 *  - MAX_WALL_MS (120 s, fixed): wall time of one request.
 */
export interface LocalLimits {
  maxRequestTokens: number;
  maxComputeMs: number;
}

export const DEFAULT_MAX_REQUEST_TOKENS = 4096;
export const DEFAULT_MAX_COMPUTE_MS = 1000;
/** Log-probability entries per request, per allowed token. */
export const LOGPROB_ENTRIES_PER_TOKEN = 8;
/**
 * Longest a request may run, streaming delays included. A stream's delay is per round of its
 * choices, so 4096 tokens at the default 15 ms take about 61 s; this only bounds the rest.
 */
export const MAX_WALL_MS = 120_000;

function positive(raw: string | undefined, fallback: number): number {
  const v = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

export function readLocalLimits(env: Env = process.env): LocalLimits {
  return {
    maxRequestTokens: positive(env.LOCAL_MODEL_MAX_REQUEST_TOKENS, DEFAULT_MAX_REQUEST_TOKENS),
    maxComputeMs: positive(env.LOCAL_MODEL_MAX_COMPUTE_MS, DEFAULT_MAX_COMPUTE_MS),
  };
}

const tooMuch = (message: string, param: string | null) =>
  new ApiError(400, "invalid_request_error", message, { param, code: "work_limit_exceeded" });

/** The request's shape as far as its cost goes; `*Param` are the names the client used. */
export interface WorkShape {
  prompts: number;
  n: number;
  maxTokens: number;
  maxTokensParam: string;
  beamWidth: number | null;
  topLogprobs: number | null;
  topLogprobsParam: string;
}

export function checkWork(w: WorkShape, limits: LocalLimits): void {
  const cap = limits.maxRequestTokens;
  const env = "LOCAL_MODEL_MAX_REQUEST_TOKENS";
  const prompts = w.prompts > 1 ? `${w.prompts} prompts × ` : "";
  const tokens = w.prompts * w.n * w.maxTokens;
  if (tokens > cap) {
    throw tooMuch(
      `This request asks for up to ${tokens} tokens (${prompts}n ${w.n} × ${w.maxTokensParam} ${w.maxTokens}); the local model generates at most ${cap} tokens per request (${env}). Lower n or ${w.maxTokensParam}.`,
      w.n > 1 ? "n" : w.maxTokensParam,
    );
  }
  if (w.beamWidth !== null && w.prompts * w.beamWidth * w.maxTokens > cap) {
    throw tooMuch(
      `Beam search over ${prompts}${w.beamWidth} beams × ${w.maxTokensParam} ${w.maxTokens} is ${w.prompts * w.beamWidth * w.maxTokens} beam tokens; the local model searches at most ${cap} per request (${env}). Lower best_of or ${w.maxTokensParam}.`,
      "best_of",
    );
  }
  const entries = tokens * (1 + (w.topLogprobs ?? 0));
  if (w.topLogprobs !== null && entries > cap * LOGPROB_ENTRIES_PER_TOKEN) {
    throw tooMuch(
      `Log-probabilities for up to ${tokens} tokens with ${w.topLogprobsParam} ${w.topLogprobs} are ${entries} entries; the local model returns at most ${cap * LOGPROB_ENTRIES_PER_TOKEN} per request (${LOGPROB_ENTRIES_PER_TOKEN} × ${env}). Lower ${w.topLogprobsParam}, n or ${w.maxTokensParam}.`,
      w.topLogprobsParam,
    );
  }
}

/** CPU time of this process so far, in ms (user + system). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * What one request has cost so far. Compute is the CPU time of its slices of synchronous work
 * (`begin` … `end`): JavaScript runs one slice at a time, so that CPU is this request's, and a
 * busy machine does not inflate it as it would wall time. The wall clock runs from the start of
 * the request, streaming delays included, and bounds how long it may hold its connection. Past
 * either budget, `end` throws the 400 (mid-stream it becomes the stream's error event).
 */
export class ComputeClock {
  private spent = 0;
  private since = -1;
  private readonly started = performance.now();

  constructor(
    private readonly limitMs: number,
    private readonly wallLimitMs: number = MAX_WALL_MS,
  ) {}

  begin(): void {
    this.since = cpuMs();
  }

  end(): void {
    if (this.since < 0) return;
    this.spent += cpuMs() - this.since;
    this.since = -1;
    if (this.spent > this.limitMs) {
      throw tooMuch(
        `This request used more than the local model's ${this.limitMs} ms of compute per request (LOCAL_MODEL_MAX_COMPUTE_MS) and was stopped. Ask for fewer tokens (n, max_tokens, best_of) or a cheaper decoding (no penalties, no guidance).`,
        null,
      );
    }
    if (performance.now() - this.started > this.wallLimitMs) {
      throw tooMuch(
        `This request ran longer than the local model's ${this.wallLimitMs / 1000} s per request and was stopped. Ask for fewer tokens.`,
        null,
      );
    }
  }

  /** Runs one slice of work. */
  slice<T>(work: () => T): T {
    this.begin();
    try {
      return work();
    } finally {
      this.end();
    }
  }
}
