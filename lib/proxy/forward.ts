import { ApiError } from "../errors";
import { BlockedAddressError } from "../net/errors";
import { bareHostname, blockedToApiError } from "../net/upstream-url";
import type { ProviderProfile } from "../providers";
import { assertProxyAccess } from "./access-token";
import { readBodyCapped } from "./body";
import { applyProxySafety, isEventStream, proxyResponseHeaders, upstreamRequestHeaders } from "./headers";
import { forwardToLocal } from "./local";
import { resolveProxyRoute } from "./paths";
import { checkRateLimit } from "./rate-limit";
import { readProxySettings, type ProxySettings } from "./settings";
import { upstreamBodyStream } from "./stream";
import { resolveTarget } from "./target";
import { openUpstream, UpstreamFailure, type UpstreamOpened } from "./upstream";

export interface ForwardInput {
  providerId: string;
  /** The catch-all segments as Next decoded them. */
  pathSegments: readonly string[];
  request: Request;
}

/** Statuses whose Response may not carry a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * `/api/proxy/{provider}/{path}`: the browser's exact body bytes go to `{base URL}/{path}`, the
 * upstream's status, content type and body bytes come back unchanged, plus `x-upstream-url`
 * and a `Server-Timing` entry. Every failure of our own is an ApiError in OpenAI's shape. Every
 * answer, the upstream's or ours, carries the safety headers of `applyProxySafety`.
 */
export async function forwardToProvider(input: ForwardInput): Promise<Response> {
  const response = await forwardOrFail(input);
  applyProxySafety(response.headers);
  return response;
}

async function forwardOrFail(input: ForwardInput): Promise<Response> {
  // First, before the access check (which throttles wrong tokens on its own), so that requests
  // of any kind count.
  const limited = checkRateLimit(input.request);
  if (limited) return limited;
  try {
    return await forward(input, readProxySettings());
  } catch (error) {
    if (error instanceof ApiError) return error.toResponse({ "cache-control": "no-store" });
    console.error("[proxy] unexpected failure:", error instanceof Error ? error.message : "unknown error");
    return new ApiError(500, "server_error", "The proxy failed unexpectedly.").toResponse();
  }
}

async function forward({ providerId, pathSegments, request }: ForwardInput, settings: ProxySettings): Promise<Response> {
  assertProxyAccess(request);
  const { profile, path } = resolveProxyRoute(providerId, pathSegments, request.url, request.method);
  const method = request.method === "POST" ? "POST" : "GET";
  if (profile.id === "local") {
    const body = method === "POST" ? await readBodyCapped(request, settings.maxBodyBytes) : null;
    return forwardToLocal(path, request, body);
  }
  const target = resolveTarget(profile, path, request.headers, settings);
  const body = method === "POST" ? await readBodyCapped(request, settings.maxBodyBytes) : null;
  let opened: UpstreamOpened;
  try {
    opened = await openUpstream({
      url: target.url,
      method,
      headers: upstreamRequestHeaders(request.headers, target.authorization, body),
      body,
      signal: request.signal,
      lookup: target.lookup,
      firstByteTimeoutMs: settings.upstreamTimeoutMs,
    });
  } catch (error) {
    throw upstreamError(error, profile, target.url, settings);
  }
  return relay(opened, profile, target.url, settings);
}

function relay(opened: UpstreamOpened, profile: ProviderProfile, url: URL, settings: ProxySettings): Response {
  const { response, request, ttfbMs } = opened;
  const status = response.statusCode ?? 502;
  const headers = proxyResponseHeaders(response.headers, { upstreamUrl: url.href, ttfbMs });
  if (status < 200 || status > 599) {
    request.destroy();
    throw new ApiError(502, "upstream_error", `${who(profile, url)} answered with an invalid status ${status}.`);
  }
  if (NULL_BODY.has(status)) {
    request.destroy();
    return new Response(null, { status, headers });
  }
  const seconds = settings.streamIdleTimeoutMs / 1000;
  const body = upstreamBodyStream(response, {
    idleTimeoutMs: settings.streamIdleTimeoutMs,
    eventStream: isEventStream(response.headers["content-type"]),
    idleMessage: `${who(profile, url)} sent nothing for ${seconds} s; the proxy closed the stream.`,
    brokenMessage: `${who(profile, url)} closed the connection before the response was complete.`,
    destroy: () => request.destroy(),
  });
  return new Response(body, { status, headers });
}

function who(profile: ProviderProfile, url: URL): string {
  return `${profile.name} (${bareHostname(url)})`;
}

function upstreamError(error: unknown, profile: ProviderProfile, url: URL, settings: ProxySettings): ApiError {
  if (!(error instanceof UpstreamFailure)) return new ApiError(502, "upstream_error", `${who(profile, url)}: request failed.`);
  if (error.cause instanceof BlockedAddressError) return blockedToApiError(error.cause);
  if (error.kind === "timeout") {
    return new ApiError(
      504,
      "timeout_error",
      `${who(profile, url)} did not answer within ${settings.upstreamTimeoutMs / 1000} s.`,
      { code: "upstream_timeout" },
    );
  }
  if (error.kind === "aborted") {
    // Nobody reads this: the browser has gone. 499 is nginx's "client closed request".
    return new ApiError(499, "invalid_request_error", "The client closed the request.", { code: "client_closed_request" });
  }
  return new ApiError(502, "upstream_error", `Could not reach ${who(profile, url)}: ${error.message}.`, {
    code: "upstream_unreachable",
  });
}
