import { handleLocalRequest } from "../local";
import { applyProxyFacts, applyStreamingPolicy } from "./headers";

/**
 * The built-in provider runs in this process: no network, but the same contract as a remote
 * one (same body bytes in, the browser's signal for cancellation, same streaming headers out).
 */
export async function forwardToLocal(path: string, request: Request, body: Uint8Array<ArrayBuffer> | null): Promise<Response> {
  const headers = new Headers();
  const contentType = request.headers.get("content-type");
  if (contentType) headers.set("content-type", contentType);
  const started = performance.now();
  const local = new Request(request.url, { method: request.method, headers, body, signal: request.signal });
  const response = await handleLocalRequest(path, local);
  const out = new Headers(response.headers);
  applyProxyFacts(out, { upstreamUrl: `local:/${path}`, ttfbMs: performance.now() - started });
  applyStreamingPolicy(out);
  return new Response(response.body, { status: response.status, headers: out });
}
