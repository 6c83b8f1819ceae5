import { StreamAssembler, choicesFromBody, type Growth, usageFromBody } from "../stream/assemble";
import { SseParser } from "../stream/sse";
import type { RunError, RunRecord } from "./schema";

/**
 * Runs one request through the proxy and records everything about it: status, headers, the raw
 * SSE events with their arrival times (including lines that are not JSON), the assembled final
 * object, and any error with the provider's own message. No React: the hook reads `record`
 * when `onChange` fires and copies it at most once per animation frame.
 */
export type { RawEvent, RunRecord } from "./schema";

export function newRecord(): RunRecord {
  return {
    state: "running",
    status: null,
    statusText: "",
    responseHeaders: [],
    upstreamUrl: null,
    streamed: false,
    bodyText: null,
    events: [],
    choices: [],
    usage: null,
    final: null,
    error: null,
    headersMs: null,
    firstTokenMs: null,
    firstReasoningMs: null,
    firstAnswerMs: null,
    totalMs: null,
    deltaCount: 0,
    sawDone: false,
  };
}

export interface RunOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
  onChange: () => void;
  now?: () => number;
  fetchImpl?: typeof fetch;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `{"error":{"message","type","code"}}` or `{"error":"text"}` or `{"message":...}` → parts. */
export function errorFromBody(body: unknown): { message: string; type?: string; code?: string } | null {
  if (!isObj(body)) return null;
  const e = body.error;
  if (typeof e === "string") return { message: e };
  if (isObj(e)) {
    const message = typeof e.message === "string" ? e.message : JSON.stringify(e);
    return {
      message,
      type: typeof e.type === "string" ? e.type : undefined,
      code: typeof e.code === "string" || typeof e.code === "number" ? String(e.code) : undefined,
    };
  }
  if (typeof body.message === "string" && typeof body.detail !== "undefined") return { message: body.message };
  return null;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export async function runRequest(opts: RunOptions, record: RunRecord = newRecord()): Promise<RunRecord> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const since = () => Math.round((now() - started) * 10) / 10;
  let response: Response;
  try {
    response = await (opts.fetchImpl ?? fetch)(opts.url, {
      method: "POST",
      headers: opts.headers,
      body: opts.body,
      signal: opts.signal,
    });
  } catch (e) {
    return finish(record, since(), opts.signal.aborted ? null : networkError(e), opts.signal.aborted);
  }
  record.status = response.status;
  record.statusText = response.statusText;
  record.responseHeaders = [...response.headers.entries()];
  record.upstreamUrl = response.headers.get("x-upstream-url");
  record.headersMs = since();
  const type = response.headers.get("content-type") ?? "";
  record.streamed = response.ok && type.includes("text/event-stream");
  opts.onChange();
  try {
    if (record.streamed) await readStream(response, record, since, opts.onChange);
    else await readBody(response, record, since);
  } catch (e) {
    if (opts.signal.aborted) return finish(record, since(), null, true);
    const text = record.choices.some((c) => c?.text) ? " What arrived before the break is kept." : "";
    return finish(record, since(), {
      kind: "interrupted",
      status: record.status,
      message: `The response broke off: ${(e as Error).message || String(e)}.${text}`,
    });
  }
  return finish(record, since(), record.error, opts.signal.aborted);
}

function networkError(e: unknown): RunError {
  return { kind: "network", status: null, message: `Could not reach the proxy: ${(e as Error).message || String(e)}` };
}

function finish(record: RunRecord, at: number, error: RunError | null, aborted = false): RunRecord {
  record.totalMs = at;
  record.error = error;
  if (error) record.state = "error";
  else record.state = aborted ? "stopped" : "done";
  return record;
}

async function readBody(response: Response, record: RunRecord, since: () => number): Promise<void> {
  const text = await response.text();
  record.bodyText = text;
  record.firstTokenMs = since();
  const parsed = tryJson(text);
  const value = parsed.ok ? parsed.value : null;
  const apiError = errorFromBody(value);
  if (!response.ok || apiError) {
    record.error = {
      kind: "http",
      status: response.status,
      message: apiError?.message ?? (text.trim().slice(0, 2000) || response.statusText || "No body."),
      type: apiError?.type,
      code: apiError?.code,
    };
    return;
  }
  if (!parsed.ok) {
    record.error = { kind: "bad-body", status: response.status, message: `The response is not JSON: ${text.slice(0, 300)}` };
    return;
  }
  record.final = value;
  record.choices = choicesFromBody(value);
  record.usage = usageFromBody(value);
  // Not streamed: reasoning and answer arrive together, with the body.
  if (record.choices.some((c) => c.reasoning?.text)) record.firstReasoningMs = record.firstTokenMs;
  if (record.choices.some((c) => c.text || c.refusal || c.toolCalls.length)) record.firstAnswerMs = record.firstTokenMs;
}

/** Times the first token of each kind a chunk (or the end of the stream) brought. */
function noteGrowth(record: RunRecord, grew: Growth, t: number): void {
  if (grew.answer || grew.reasoning) record.firstTokenMs ??= t;
  if (grew.reasoning) record.firstReasoningMs ??= t;
  if (grew.answer) record.firstAnswerMs ??= t;
}

async function readStream(response: Response, record: RunRecord, since: () => number, onChange: () => void) {
  const assembler = new StreamAssembler();
  record.choices = assembler.choices;
  const parser = new SseParser();
  const reader = response.body?.getReader();
  if (!reader) return;
  const handle = (events: ReturnType<SseParser["push"]>) => {
    for (const ev of events) onEvent(ev, record, assembler, since());
    if (events.length) onChange();
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      handle(parser.push(value));
    }
    handle(parser.end());
  } finally {
    noteGrowth(record, assembler.end(), since());
    record.usage = assembler.usage;
    record.deltaCount = assembler.deltaCount;
    record.final = assembler.final();
  }
  const finished = record.choices.length > 0 && record.choices.every((c) => c?.finishReason);
  if (!record.sawDone && !finished && !record.error) {
    record.error = {
      kind: "interrupted",
      status: record.status,
      message: "The stream ended before [DONE]; the answer is incomplete.",
    };
  }
}

function onEvent(ev: { event?: string; data: string }, record: RunRecord, asm: StreamAssembler, t: number): void {
  if (ev.data.trim() === "[DONE]") {
    record.events.push({ t, event: ev.event, data: ev.data, ok: true });
    record.sawDone = true;
    return;
  }
  const parsed = tryJson(ev.data);
  record.events.push({ t, event: ev.event, data: ev.data, ok: parsed.ok });
  if (!parsed.ok) {
    record.error ??= {
      kind: "bad-line",
      status: record.status,
      message: `The stream sent a line that is not JSON: ${ev.data.slice(0, 300)}`,
    };
    return;
  }
  const upstream = errorFromBody(parsed.value);
  if (upstream) {
    record.error ??= { kind: "upstream", status: record.status, ...upstream };
    return;
  }
  const grew = asm.push(parsed.value);
  noteGrowth(record, grew, t);
  record.deltaCount = asm.deltaCount;
  record.usage = asm.usage;
}
