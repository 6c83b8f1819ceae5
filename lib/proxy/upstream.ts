import http, { type ClientRequest, type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { bareHostname } from "../net/upstream-url";

export interface UpstreamCall {
  url: URL;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** The browser's request signal: aborting it destroys the upstream socket at once. */
  signal: AbortSignal;
  /** A guarded lookup for user-supplied hosts; the system resolver otherwise. */
  lookup?: LookupFunction;
  firstByteTimeoutMs: number;
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
 * Sends one request with node:http(s) rather than fetch, for what fetch cannot do: a `lookup`
 * that vets the address actually connected to, no redirect following (a 3xx comes back as is),
 * a fresh connection per call (no pooled socket outlives a check), and a socket that is
 * destroyed the moment the browser goes away.
 */
export function openUpstream(call: UpstreamCall): Promise<UpstreamOpened> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const transport = call.url.protocol === "https:" ? https : http;
    const request = transport.request({
      protocol: call.url.protocol,
      hostname: bareHostname(call.url),
      port: call.url.port || undefined,
      path: `${call.url.pathname}${call.url.search}`,
      method: call.method,
      headers: call.headers,
      agent: false,
      lookup: call.lookup,
    });
    let settled = false;
    const fail = (kind: UpstreamFailureKind, cause: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(new UpstreamFailure(kind, cause));
    };
    const timer = setTimeout(() => fail("timeout", null), call.firstByteTimeoutMs);
    // Stays armed while the body streams: after the response arrived, `fail` is a no-op and the
    // destroy below is what closes the upstream socket.
    const onAbort = () => {
      fail("aborted", call.signal.reason);
      request.destroy();
    };
    if (call.signal.aborted) return onAbort();
    call.signal.addEventListener("abort", onAbort, { once: true });
    const disarm = () => call.signal.removeEventListener("abort", onAbort);
    request.on("error", (error) => {
      disarm();
      fail("network", error);
    });
    request.on("response", (response) => {
      // Body errors surface through the body stream's iterator; without a listener, a reset in
      // the moment before the first read would be an uncaught exception.
      response.on("error", () => undefined);
      response.once("close", disarm);
      if (settled) return void response.destroy();
      settled = true;
      clearTimeout(timer);
      resolve({ response, request, ttfbMs: performance.now() - started });
    });
    request.end(call.body ? Buffer.from(call.body.buffer, call.body.byteOffset, call.body.byteLength) : undefined);
  });
}
