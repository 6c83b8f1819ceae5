import http, { type ClientRequest, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { bareHostname } from "../net/upstream-url";

export interface UpstreamCall {
  url: URL;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body: Buffer | null;
  /** The browser's response: its "close" before the end means the browser went away, and the
   * upstream socket is destroyed at once, before or during the body. */
  client: BrowserSide;
  /** A guarded lookup for user-supplied hosts; the system resolver otherwise. */
  lookup?: LookupFunction;
  /** Operator-set base URLs share kept-alive connections; user-supplied hosts never do. */
  pooled: boolean;
  firstByteTimeoutMs: number;
}

/** What the upstream call needs of the browser's response (a ServerResponse). */
export interface BrowserSide {
  readonly writableFinished: boolean;
  readonly destroyed: boolean;
  once(event: "close", listener: () => void): unknown;
  off(event: "close", listener: () => void): unknown;
}

export interface UpstreamOpened {
  response: IncomingMessage;
  request: ClientRequest;
  ttfbMs: number;
}

export type UpstreamFailureKind = "timeout" | "aborted" | "network";

export class UpstreamFailure extends Error {
  readonly kind: UpstreamFailureKind;
  override readonly cause: unknown;

  constructor(kind: UpstreamFailureKind, cause: unknown) {
    super(kind === "timeout" ? "upstream timed out" : kind === "aborted" ? "client went away" : describeCause(cause));
    this.name = "UpstreamFailure";
    this.kind = kind;
    this.cause = cause;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return String(cause);
}

/**
 * Kept-alive connections to the operator's own base URLs (the server keys' providers): a TCP
 * and TLS handshake saved on every request. LIFO hands out the most recently used socket, the
 * one least likely to have been closed by the upstream's idle timeout; `timeout` lets the agent
 * honour an upstream's `Keep-Alive: timeout=` hint (it keeps a free socket 1 s less than that).
 * Bounded: at most 256 sockets per upstream (further requests wait for one), 1,024 in all. Every
 * socket a burst opened may stay idle (maxFreeSockets = maxSockets): with fewer, a compare or
 * sweep of 100 streams closed 68 of its sockets at the end and opened them again on the next
 * burst, which tripled time to first byte at 100 streams (docs/benchmarks.md, 2026-12-02).
 * The upstream's own keep-alive timeout and `timeout` above still close idle ones.
 */
const POOL = { keepAlive: true, scheduling: "lifo", timeout: 15_000, maxSockets: 256, maxTotalSockets: 1024, maxFreeSockets: 256 } as const;
const pools = { "http:": new http.Agent(POOL), "https:": new https.Agent(POOL) };

/**
 * Sends one request with node:http(s) rather than fetch, for what fetch cannot do: a `lookup`
 * that vets the address actually connected to, no redirect following (a 3xx comes back as is),
 * and a socket that is destroyed the moment the browser goes away. User-supplied hosts get a
 * fresh connection per call (`agent: false`), so every request's address is vetted by its own
 * connect and no pooled socket outlives a check; operator base URLs use the pool above.
 */
export function openUpstream(call: UpstreamCall): Promise<UpstreamOpened> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const secure = call.url.protocol === "https:";
    const transport = secure ? https : http;
    const options: http.RequestOptions = {
      protocol: call.url.protocol,
      hostname: bareHostname(call.url),
      port: call.url.port || undefined,
      path: `${call.url.pathname}${call.url.search}`,
      method: call.method,
      headers: call.headers,
      agent: call.pooled && !call.lookup ? pools[secure ? "https:" : "http:"] : false,
      lookup: call.lookup,
    };
    let settled = false;
    let request: ClientRequest;
    const fail = (kind: UpstreamFailureKind, cause: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(new UpstreamFailure(kind, cause));
    };
    const timer = setTimeout(() => fail("timeout", null), call.firstByteTimeoutMs);
    // Stays armed while the body streams: after the response arrived, `fail` is a no-op and the
    // destroy below is what closes the upstream socket. A "close" after the response finished is
    // the normal end and leaves the (pooled) socket alone.
    const onClientClose = () => {
      if (call.client.writableFinished) return;
      fail("aborted", null);
      request.destroy();
    };
    const send = (retried: boolean) => {
      request = transport.request(options);
      request.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the upstream closed just as it was reused fails before any answer;
        // the request never reached the upstream's application, so it goes once more, on a new one.
        if (!settled && !retried && request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE")) return send(true);
        disarm();
        fail("network", error);
      });
      request.on("response", (response) => {
        // Body errors are handled by the relay; without a listener, a reset in the moment before
        // it attaches would be an uncaught exception.
        response.on("error", () => undefined);
        if (settled) return void response.destroy();
        settled = true;
        clearTimeout(timer);
        resolve({ response, request, ttfbMs: performance.now() - started });
      });
      request.end(call.body ?? undefined);
    };
    const disarm = () => call.client.off("close", onClientClose);
    send(false);
    if (call.client.destroyed) return onClientClose();
    call.client.once("close", onClientClose);
  });
}
