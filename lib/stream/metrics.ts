import type { RunRecord } from "../run/run";

export interface RunMetrics {
  ttftMs: number | null;
  /** Time to the first reasoning delta, and to the first delta of the answer itself. */
  reasoningTtftMs: number | null;
  answerTtftMs: number | null;
  /** Characters of reasoning of the first choice; null when the model gave none. */
  reasoningChars: number | null;
  totalMs: number | null;
  tokensPerSecond: number | null;
  /** Where the completion token count came from. */
  tokenSource: "usage" | "chunks" | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  status: number | null;
  upstreamUrl: string | null;
  /** Upstream duration from `Server-Timing: upstream;dur=<ms>`. */
  upstreamMs: number | null;
}

export function parseServerTiming(value: string | null, name = "upstream"): number | null {
  if (!value) return null;
  for (const part of value.split(",")) {
    const [metric, ...attrs] = part.trim().split(";");
    if (metric?.trim() !== name) continue;
    for (const a of attrs) {
      const m = /^\s*dur=([\d.]+)\s*$/.exec(a);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

export function computeMetrics(r: RunRecord): RunMetrics {
  const header = (n: string) => r.responseHeaders.find(([k]) => k.toLowerCase() === n)?.[1] ?? null;
  const completion = r.usage?.completion_tokens ?? null;
  const counted = completion ?? (r.streamed && r.deltaCount > 0 ? r.deltaCount : null);
  const source = completion !== null ? "usage" : counted !== null ? "chunks" : null;
  // Streamed: tokens over the generation time after the first token; otherwise over the whole call.
  const start = r.streamed ? (r.firstTokenMs ?? 0) : 0;
  const span = r.totalMs !== null ? (r.totalMs - start) / 1000 : null;
  const tps = counted !== null && span !== null && span > 0 ? counted / span : null;
  return {
    ttftMs: r.firstTokenMs,
    reasoningTtftMs: r.firstReasoningMs,
    answerTtftMs: r.firstAnswerMs,
    reasoningChars: reasoningChars(r),
    totalMs: r.totalMs,
    tokensPerSecond: tps === null ? null : Math.round(tps * 10) / 10,
    tokenSource: source,
    promptTokens: r.usage?.prompt_tokens ?? null,
    completionTokens: completion,
    totalTokens: r.usage?.total_tokens ?? null,
    status: r.status,
    upstreamUrl: r.upstreamUrl,
    upstreamMs: parseServerTiming(header("server-timing")),
  };
}

function reasoningChars(r: RunRecord): number | null {
  const text = r.choices.find(Boolean)?.reasoning?.text;
  return text ? Array.from(text).length : null;
}
