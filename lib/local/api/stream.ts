import { ApiError } from "../../errors";
import type { Usage } from "./format";
import type { FinishReason, Source, StepEvent, TokenRecord } from "../decode/generate";
import type { ComputeClock } from "../decode/limits";

/**
 * Server-sent events, generated lazily: the stream pulls one chunk at a time, so nothing is
 * computed ahead of the reader and an aborted request stops generating at once. Choices are
 * interleaved round-robin, with one delay per round (n choices stream side by side, as a server
 * batching them does, so n does not multiply the time a stream holds its connection). Each
 * choice runs one emitting step ahead, so the finish reason rides on its last content chunk
 * instead of a chunk of its own. Computing is charged to the request's compute clock.
 */
export interface ContentEvent {
  text: string;
  tokens: TokenRecord[];
  finish: FinishReason | null;
}

export interface StreamFormat {
  /** Chunks sent before any content (chat: the role of each choice). */
  opening(): unknown[];
  /** The chunks of one content event (a tool call's start and its arguments are separate chunks). */
  content(index: number, ev: ContentEvent): unknown[];
  usage(): Usage;
  usageChunk(u: Usage): unknown;
}

export interface StreamOptions {
  delayMs: number;
  includeUsage: boolean;
  signal?: AbortSignal;
  clock: ComputeClock;
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** Per-token delay from LOCAL_MODEL_DELAY_MS; 15 ms by default: quick, yet visibly streaming. */
export function delayFromEnv(): number {
  const raw = process.env.LOCAL_MODEL_DELAY_MS;
  const v = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isFinite(v) && v >= 0 ? Math.min(v, 10_000) : 15;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Steps a source until it emits text or tokens, or finishes. */
function nextEmitting(src: Source): StepEvent {
  const acc: StepEvent = { text: "", tokens: [], finish: null };
  while (!src.done) {
    const ev = src.step();
    acc.text += ev.text;
    acc.tokens.push(...ev.tokens);
    acc.finish = ev.finish;
    if (acc.text !== "" || acc.tokens.length > 0 || acc.finish) return acc;
  }
  acc.finish ??= "stop";
  return acc;
}

class Interleaver {
  private readonly held: (StepEvent | null)[];
  private readonly finished: boolean[];
  private turn = 0;

  constructor(private readonly sources: Source[]) {
    this.held = sources.map(() => null);
    this.finished = sources.map(() => false);
  }

  /** The next content event of the next unfinished choice, or null when all are finished. */
  next(): { index: number; ev: ContentEvent } | null {
    for (let k = 0; k < this.sources.length; k++) {
      const index = (this.turn + k) % this.sources.length;
      if (this.finished[index]) continue;
      this.turn = index + 1;
      const src = this.sources[index]!;
      const ev = this.held[index] ?? nextEmitting(src);
      this.held[index] = null;
      if (!ev.finish) {
        const ahead = nextEmitting(src);
        if (!ahead.finish) {
          this.held[index] = ahead;
          return { index, ev };
        }
        ev.text += ahead.text;
        ev.tokens.push(...ahead.tokens);
        ev.finish = ahead.finish;
      }
      this.finished[index] = true;
      return { index, ev };
    }
    return null;
  }
}

export function sseStream(sources: Source[], format: StreamFormat, opts: StreamOptions): Response {
  const enc = new TextEncoder();
  const send = (c: ReadableStreamDefaultController<Uint8Array>, data: unknown) =>
    c.enqueue(enc.encode(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`));
  const inter = new Interleaver(sources);
  let opened = false;
  let cancelled = false;
  let pulls = 0;
  let previous = -1;
  const stream = new ReadableStream<Uint8Array>({
    async pull(c) {
      try {
        if (cancelled || opts.signal?.aborted) return c.close();
        if (!opened) {
          opened = true;
          for (const chunk of format.opening()) send(c, chunk);
          return;
        }
        // Without a delay, later pulls carry several chunks (fewer promise round trips); the
        // first carries one, so the first token still leaves at once.
        const batch = opts.delayMs > 0 ? 1 : Math.min(64, 2 ** pulls++);
        for (let k = 0; k < batch; k++) {
          const item = opts.clock.slice(() => {
            const next = inter.next();
            return next && { index: next.index, chunks: format.content(next.index, next.ev) };
          });
          if (!item) {
            if (opts.includeUsage) send(c, format.usageChunk(format.usage()));
            send(c, "[DONE]");
            return c.close();
          }
          if (opts.delayMs > 0 && item.index <= previous) await sleep(opts.delayMs, opts.signal);
          previous = item.index;
          if (cancelled || opts.signal?.aborted) return c.close();
          for (const chunk of item.chunks) send(c, chunk);
        }
      } catch (e) {
        // Mid-stream failures arrive as an OpenAI-style error event, then the stream ends.
        const err = e instanceof ApiError ? e : new ApiError(500, "server_error", "The local model failed while generating.");
        send(c, err.toBody());
        c.close();
      }
    },
    cancel() {
      cancelled = true;
    },
  });
  return new Response(stream, { status: 200, headers: SSE_HEADERS });
}
