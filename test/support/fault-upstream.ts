import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * An OpenAI-compatible upstream on 127.0.0.1 that misbehaves on purpose, written with raw
 * node:http and, where HTTP itself is the fault, with the socket underneath. The scenario is the
 * request body's model, `fault/<scenario>` (the proxy forwards the body byte for byte but no
 * custom header), so one base URL serves every scenario:
 *  - load:      LOAD_CHUNKS events, two every LOAD_PAUSE_MS, then [DONE]; with `loadBarrier`
 *               set, the second half waits until that many load requests have arrived, so a
 *               load test knows its streams were all open at once
 *  - hang:      accepts, reads the request, never answers
 *  - half:      two events, then the socket is destroyed
 *  - half-cut:  one event and half of the next, then the socket is destroyed
 *  - half-json: a JSON body cut short of its Content-Length, then the socket is destroyed
 *  - bad-line:  one event, a data line that is not JSON, one more event, [DONE]
 *  - big-event: one event larger than 1 MB, then [DONE]
 *  - redirect:  302 to /target/... on this server (the test checks it is never requested)
 *  - html:      200 text/html, an error page as a misconfigured gateway would send
 *  - reset:     accepts and destroys the socket without a byte
 *  - garbage:   writes bytes that are not HTTP and closes
 */
export type FaultScenario =
  | "load"
  | "hang"
  | "half"
  | "half-cut"
  | "half-json"
  | "bad-line"
  | "big-event"
  | "redirect"
  | "html"
  | "reset"
  | "garbage";

export interface FaultUpstream {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** What `<ID>_BASE_URL` is set to. */
  baseUrl: string;
  /** Requests seen per path, e.g. hits("/target/v1/chat/completions"). */
  hits: (path: string) => number;
  /** Sockets currently open to this upstream (a proxy that leaks them shows here). */
  openSockets: () => number;
  /** The most sockets that were open at once. */
  peakSockets: () => number;
  close: () => Promise<void>;
}

export const LOAD_CHUNKS = 200;
export const LOAD_PAUSE_MS = 20;
export const BIG_EVENT_CONTENT_BYTES = 1_500_000;
export const HTML_PAGE = "<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n";
export const NOT_JSON_LINE = "data: {this is not json\n\n";
export const HALF_JSON = '{"id":"cmpl-half","object":"chat.completion","choices":[{"index":0,"message":{"role":"assi';

const event = (id: string, content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: 1, model: "fault", choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

/** The exact bytes the `load` scenario sends for a request whose first message is `tag`. */
export function loadEvents(tag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < LOAD_CHUNKS; i++) out.push(event(tag, `${tag}:${i} `));
  out.push("data: [DONE]\n\n");
  return out;
}

export const halfEvents = (): string[] => [event("half", "The first half "), event("half", "of an answer")];
export const halfCutPrefix = (): string => event("cut", "Whole event. ") + event("cut", "never finished").slice(0, 40);
export const badLineEvents = (): string[] => [event("bad", "before "), NOT_JSON_LINE, event("bad", "after"), "data: [DONE]\n\n"];
export const bigEvent = (): string => event("big", "x".repeat(BIG_EVENT_CONTENT_BYTES));

interface Parsed {
  scenario: string;
  tag: string;
}

function parse(body: string): Parsed {
  try {
    const json = JSON.parse(body) as { model?: unknown; messages?: { content?: unknown }[] };
    const model = typeof json.model === "string" ? json.model : "";
    const content = json.messages?.[0]?.content;
    return { scenario: model.startsWith("fault/") ? model.slice(6) : "", tag: typeof content === "string" ? content : "" };
  } catch {
    return { scenario: "", tag: "" };
  }
}

const sse = { "content-type": "text/event-stream", "cache-control": "no-cache" };
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Context {
  self: string;
  /** Counts a load request; resolves when the barrier is reached (at once without one). */
  loadArrived: () => Promise<void>;
}

async function answer(ctx: Context, req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
  const { scenario, tag } = parse(body);
  const socket = req.socket;
  switch (scenario) {
    case "load": {
      res.writeHead(200, sse);
      const everyoneIn = ctx.loadArrived();
      const events = loadEvents(tag);
      for (const [i, e] of events.entries()) {
        if (!res.writable) return;
        // Bounded: a barrier that is never reached holds a stream for 30 s at most.
        if (i === events.length >> 1) await Promise.race([everyoneIn, pause(30_000)]);
        res.write(e);
        // A fast model's pace (~100 events/s per stream), so 200 streams overlap for seconds.
        await (i % 2 === 1 ? pause(LOAD_PAUSE_MS) : turn());
      }
      return void res.end();
    }
    case "hang":
      return;
    case "half":
      res.writeHead(200, sse);
      for (const e of halfEvents()) res.write(e);
      return void setTimeout(() => socket.destroy(), 50);
    case "half-cut":
      res.writeHead(200, sse);
      res.write(halfCutPrefix());
      return void setTimeout(() => socket.destroy(), 50);
    case "half-json":
      res.writeHead(200, { "content-type": "application/json", "content-length": String(HALF_JSON.length * 2) });
      res.write(HALF_JSON);
      return void setTimeout(() => socket.destroy(), 50);
    case "bad-line":
      res.writeHead(200, sse);
      return void res.end(badLineEvents().join(""));
    case "big-event":
      res.writeHead(200, sse);
      res.write(bigEvent());
      return void res.end("data: [DONE]\n\n");
    case "redirect":
      res.writeHead(302, { location: `${ctx.self}/target${req.url ?? "/"}`, "content-type": "text/plain" });
      return void res.end("Found");
    case "html":
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(HTML_PAGE);
    case "reset":
      return void socket.destroy();
    case "garbage":
      socket.end("SSH-2.0-OpenSSH_9.6\r\nthis is not http\r\n\r\n");
      return;
    default:
      res.writeHead(400, { "content-type": "application/json" });
      return void res.end(
        JSON.stringify({ error: { message: `unknown scenario "${scenario}"`, type: "invalid_request_error", param: "model", code: null } }),
      );
  }
}

export async function startFaultUpstream(options: { loadBarrier?: number } = {}): Promise<FaultUpstream> {
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  let peak = 0;
  let arrivals = 0;
  let release: () => void = () => undefined;
  const barrier = new Promise<void>((resolve) => {
    release = resolve;
  });
  const ctx: Context = {
    self: "",
    loadArrived: () => {
      if (++arrivals >= (options.loadBarrier ?? 0)) release();
      return barrier;
    },
  };
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      answer(ctx, req, res, Buffer.concat(parts).toString("utf8")).catch(() => req.socket.destroy());
    });
  });
  // 200 streams at once: no queueing in the listen backlog or by header timeouts.
  server.maxConnections = 2000;
  server.headersTimeout = 0;
  server.requestTimeout = 0;
  server.on("connection", (socket) => {
    sockets.add(socket);
    peak = Math.max(peak, sockets.size);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", 1024, resolve));
  const self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx.self = self;
  return {
    url: self,
    baseUrl: `${self}/v1`,
    hits: (path) => hits.get(path) ?? 0,
    openSockets: () => sockets.size,
    peakSockets: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The request body that selects a scenario. */
export const faultBody = (scenario: FaultScenario, tag = "t", stream = true) =>
  JSON.stringify({ model: `fault/${scenario}`, stream, messages: [{ role: "user", content: tag }] });

/** What a client got before the response ended or broke: rawRequest would reject and lose it. */
export interface PartialResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** False when the connection broke before the response's end. */
  complete: boolean;
  ms: number;
}

/** One POST (or GET without a body) over a fresh connection, bounded by `timeoutMs`. */
export function fetchPartial(serverUrl: string, path: string, body?: string, timeoutMs = 15_000): Promise<PartialResponse> {
  const { hostname, port } = new URL(serverUrl);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request({
      hostname,
      port,
      path,
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      let settled = false;
      const done = (complete: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts), complete, ms: Date.now() - started });
      };
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => done(true));
      res.on("error", () => done(false));
      res.on("close", () => done(res.complete));
    });
    req.end(body);
  });
}
