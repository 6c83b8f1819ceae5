import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../errors";
import { BlockedAddressError } from "../net/errors";
import { bareHostname, blockedToApiError } from "../net/upstream-url";
import type { ProviderProfile } from "../providers";
import { assertProxyAccess } from "./access-token";
import { ClientGone, readBodyCapped } from "../request/body";
import { applyProxySafety, isEventStream, proxyResponseHeaders, upstreamRequestHeaders } from "./headers";
import { nodeHeaders, requestHeaders, sendApiError, sendWebResponse } from "./incoming";
import { forwardToLocal } from "./local";
import { proxySegments, resolveProxyRoute } from "./paths";
import { checkRateLimit } from "./rate-limit";
import { relayBody } from "./stream";
import { readProxySettings, type ProxySettings } from "./settings";
import { resolveTarget } from "./target";
import { openUpstream, UpstreamFailure, type UpstreamOpened } from "./upstream";

/** A proxied request as the custom server hands it over; `url` is `request.url` parsed (WHATWG). */
export interface ProxyExchange {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
}

interface Exchange extends ProxyExchange {
  headers: Headers;
  settings: ProxySettings;
}

/** Statuses whose response may not carry a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * `/api/proxy/{provider}/{path}`: the browser's exact body bytes go to `{base URL}/{path}`, the
 * upstream's status, content type and body bytes come back unchanged, plus `x-upstream-url`
 * and a `Server-Timing` entry. Every failure of our own is an ApiError in OpenAI's shape. Every
 * answer, the upstream's or ours, carries the safety headers of `applyProxySafety`.
 * Runs on node's request and response directly (see server/main.ts for why).
 */
export async function forwardToProvider(input: ProxyExchange): Promise<void> {
  const headers = requestHeaders(input.request);
  // First, before the access check (which throttles wrong tokens on its own), so that requests
  // of any kind count.
  const limited = checkRateLimit({ headers });
  if (limited) {
    applyProxySafety(limited.headers);
    return sendWebResponse(input.response, limited);
  }
  try {
    await forward({ ...input, headers, settings: readProxySettings() });
  } catch (error) {
    if (error instanceof ClientGone) return void input.response.destroy();
    if (error instanceof ApiError) return sendApiError(input.response, error, { ...SAFETY, "cache-control": "no-store" });
    console.error("[proxy] unexpected failure:", error instanceof Error ? error.message : "unknown error");
    sendApiError(input.response, new ApiError(500, "server_error", "The proxy failed unexpectedly."), SAFETY);
  }
}

/** The safety headers as node wants them, for the proxy's own answers. */
const SAFETY = (() => {
  const headers = new Headers();
  applyProxySafety(headers);
  return nodeHeaders(headers);
})();

async function forward(exchange: Exchange): Promise<void> {
  const { request, headers, settings, url } = exchange;
  assertProxyAccess({ headers });
  const { provider, segments } = proxySegments(url.pathname);
  const { profile, path } = resolveProxyRoute(provider, segments, url.href, request.method ?? "");
  const method = request.method === "POST" ? "POST" : "GET";
  if (profile.id === "local") return forwardLocal(exchange, path, method);
  const target = resolveTarget(profile, path, headers, settings);
  const body = method === "POST" ? await readBodyCapped(request, settings.maxBodyBytes) : null;
  let opened: UpstreamOpened;
  try {
    opened = await openUpstream({
      url: target.url,
      method,
      headers: upstreamRequestHeaders(headers, target.authorization, body),
      body,
      client: exchange.response,
      lookup: target.lookup,
      pooled: profile.id !== "custom",
      firstByteTimeoutMs: settings.upstreamTimeoutMs,
    });
  } catch (error) {
    throw upstreamError(error, profile, target.url, settings);
  }
  relay(opened, exchange.response, profile, target.url, settings);
}

async function forwardLocal({ request, response, url, headers, settings }: Exchange, path: string, method: "GET" | "POST") {
  const body = method === "POST" ? await readBodyCapped(request, settings.maxBodyBytes) : null;
  const gone = new AbortController();
  response.once("close", () => gone.abort());
  const contentType = headers.get("content-type");
  const local = await forwardToLocal(path, { url: url.href, method, contentType, signal: gone.signal }, body);
  applyProxySafety(local.headers);
  await sendWebResponse(response, local);
}

function relay(opened: UpstreamOpened, browser: ServerResponse, profile: ProviderProfile, url: URL, settings: ProxySettings): void {
  const { response, request, ttfbMs } = opened;
  const status = response.statusCode ?? 502;
  if (status < 200 || status > 599) {
    request.destroy();
    throw new ApiError(502, "upstream_error", `${who(profile, url)} answered with an invalid status ${status}.`);
  }
  browser.writeHead(status, nodeHeaders(proxyResponseHeaders(response.headers, { upstreamUrl: url.href, ttfbMs })));
  if (NULL_BODY.has(status)) {
    request.destroy();
    return void browser.end();
  }
  // Headers go out now, as the upstream's came, unless body bytes are already here to go with them.
  if (response.readableLength === 0) browser.flushHeaders();
  const seconds = settings.streamIdleTimeoutMs / 1000;
  relayBody(response, browser, {
    idleTimeoutMs: settings.streamIdleTimeoutMs,
    eventStream: isEventStream(response.headers["content-type"]),
    idleMessage: `${who(profile, url)} sent nothing for ${seconds} s; the proxy closed the stream.`,
    brokenMessage: `${who(profile, url)} closed the connection before the response was complete.`,
    destroy: () => request.destroy(),
  });
}

function who(profile: ProviderProfile, url: URL): string {
  return `${profile.name} (${bareHostname(url)})`;
}

function upstreamError(error: unknown, profile: ProviderProfile, url: URL, settings: ProxySettings): ApiError {
  if (!(error instanceof UpstreamFailure)) return new ApiError(502, "upstream_error", `${who(profile, url)}: request failed.`);
  if (error.cause instanceof BlockedAddressError) return blockedToApiError(error.cause);
  if (error.kind === "timeout") {
    return new ApiError(504, "timeout_error", `${who(profile, url)} did not answer within ${settings.upstreamTimeoutMs / 1000} s.`, {
      code: "upstream_timeout",
    });
  }
  if (error.kind === "aborted") {
    // Nobody reads this: the browser has gone. 499 is nginx's "client closed request".
    return new ApiError(499, "invalid_request_error", "The client closed the request.", { code: "client_closed_request" });
  }
  return new ApiError(502, "upstream_error", `Could not reach ${who(profile, url)}: ${error.message}.`, {
    code: "upstream_unreachable",
  });
}
