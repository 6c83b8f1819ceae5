import { handleLocalRequest } from "../local";
import { applyProxyFacts, applyStreamingPolicy } from "./headers";

export interface LocalCall {
  url: string;
  method: string;
  contentType: string | null;
  /** Aborted when the browser goes away, so generation stops with it. */
  signal: AbortSignal;
}

/**
 * The built-in provider runs in this process: no network, but the same contract as a remote
 * one (same body bytes in, the browser's signal for cancellation, same streaming headers out).
 */
export async function forwardToLocal(path: string, call: LocalCall, body: Uint8Array | null): Promise<Response> {
  const headers = new Headers();
  if (call.contentType) headers.set("content-type", call.contentType);
  const started = performance.now();
  // A node Buffer's memory is a plain ArrayBuffer (never shared); the cast only says so.
  const local = new Request(call.url, { method: call.method, headers, body: body as Uint8Array<ArrayBuffer> | null, signal: call.signal });
  const response = await handleLocalRequest(path, local);
  const out = new Headers(response.headers);
  applyProxyFacts(out, { upstreamUrl: `local:/${path}`, ttfbMs: performance.now() - started });
  applyStreamingPolicy(out);
  return new Response(response.body, { status: response.status, headers: out });
}
