import type { IncomingHttpHeaders } from "node:http";
import { originAndPath } from "../net/upstream-url";

/**
 * Request headers that may travel upstream. Everything else stays behind: cookies, the
 * playground access token, forwarding headers that would leak the user's address, and the
 * SDK's telemetry headers.
 */
const FORWARDED_REQUEST_HEADERS = ["content-type", "accept", "openai-organization", "openai-project"] as const;

/** The browser's own key, when it sent a non-empty one. */
export function browserAuthorization(incoming: Headers): string | null {
  const value = incoming.get("authorization")?.trim();
  if (!value || /^bearer\s*$/i.test(value)) return null;
  return value;
}

export function upstreamRequestHeaders(incoming: Headers, authorization: string | null, body: Uint8Array | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) out[name] = value;
  }
  if (authorization) out.authorization = authorization;
  if (body) out["content-length"] = String(body.byteLength);
  // Node does not decompress; asking for identity keeps the bytes readable and unchanged.
  out["accept-encoding"] = "identity";
  out["user-agent"] = "llm-playground-proxy";
  return out;
}

/** Upstream response headers worth showing beside the body (rate limits, request ids). */
const PASSED_RESPONSE_HEADERS = new Set([
  "content-type",
  "content-encoding",
  "retry-after",
  "x-request-id",
  "request-id",
  "openai-processing-ms",
  "openai-version",
  "openai-model",
]);

export function isEventStream(contentType: string | null | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("text/event-stream");
}

export interface ResponseFacts {
  /** The URL requested upstream (`local:/{path}` for the built-in model). */
  upstreamUrl: string;
  ttfbMs: number;
}

export function proxyResponseHeaders(upstream: IncomingHttpHeaders, facts: ResponseFacts): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined) continue;
    if (PASSED_RESPONSE_HEADERS.has(name) || name.startsWith("x-ratelimit-")) {
      out.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
  }
  // A 3xx is passed through but not followed; its target is shown, not obeyed by the browser.
  if (typeof upstream.location === "string") out.set("x-upstream-location", upstream.location);
  applyProxyFacts(out, facts);
  applyStreamingPolicy(out);
  applyProxySafety(out);
  return out;
}

/**
 * The upstream URL as the browser may see it: origin and path. An operator's base URL may hold
 * credentials in its userinfo or query (`?key=`); those stay on the server, as in /api/providers.
 */
export function shownUpstreamUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "";
  }
  return url.protocol === "http:" || url.protocol === "https:" ? originAndPath(url) : `${url.protocol}${url.pathname}`;
}

export function applyProxyFacts(headers: Headers, facts: ResponseFacts): void {
  headers.set("x-upstream-url", shownUpstreamUrl(facts.upstreamUrl));
  headers.set("server-timing", `upstream;desc="upstream first byte";dur=${facts.ttfbMs.toFixed(1)}`);
}

/**
 * Event streams must reach the browser as they are written: `no-transform` keeps `next start`'s
 * gzip (and other proxies) from holding events back, `X-Accel-Buffering: no` tells nginx not to
 * buffer. Other responses are simply not cacheable.
 */
export function applyStreamingPolicy(headers: Headers): void {
  if (isEventStream(headers.get("content-type"))) {
    headers.set("cache-control", "no-cache, no-transform");
    headers.set("x-accel-buffering", "no");
  } else {
    headers.set("cache-control", "no-store");
  }
}

/**
 * Upstream bytes are served from this app's origin, with the upstream's content type: a provider
 * (or a custom base URL) answering HTML or SVG must not run script there. `nosniff` stops a
 * browser from guessing a type; `sandbox` gives a document opened from the proxy a unique origin,
 * without script. The body is untouched, and fetch() ignores both headers.
 */
export function applyProxySafety(headers: Headers): void {
  headers.set("x-content-type-options", "nosniff");
  headers.set("content-security-policy", "sandbox");
}
