import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { ApiError } from "../errors";

/**
 * The thin adapter between node's request objects and the proxy's policy, which reads headers
 * through the web `Headers` interface (as the rest of the app's server code does). The client's
 * address travels as the server's peer stamp (lib/net/peer.ts), set on every request before this
 * runs, exactly as for Next's routes.
 */
export function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  // node's own object, not rawHeaders: it already applied node's rules for repeated headers
  // (the first Authorization wins, others are joined), as the Headers Next built did.
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    } catch {
      // A header value node accepted but `Headers` refuses (e.g. a lone CR): the policy never
      // reads such a header, and dropping it keeps it from travelling anywhere either.
    }
  }
  return headers;
}

/** A web `Headers` as node's header object; repeated names were already joined by `Headers`. */
export function nodeHeaders(headers: Headers): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of headers) out[name] = value;
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) out["set-cookie"] = cookies;
  return out;
}

export function sendApiError(response: ServerResponse, error: ApiError, headers: OutgoingHttpHeaders = {}): void {
  if (response.headersSent || response.destroyed) return void response.destroy();
  const body = JSON.stringify(error.toBody());
  response.writeHead(error.status, {
    ...error.headers,
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * Writes a web Response (the built-in local provider's, the rate limiter's 429) to node's
 * response, chunk by chunk with backpressure. Not the path remote providers take.
 */
export async function sendWebResponse(response: ServerResponse, web: Response): Promise<void> {
  response.writeHead(web.status, nodeHeaders(web.headers));
  if (!web.body) return void response.end();
  const reader = web.body.getReader();
  response.once("close", () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!response.write(value)) await new Promise((resolve) => response.once("drain", resolve).once("close", resolve));
    }
    response.end();
  } catch {
    response.destroy();
  }
}
