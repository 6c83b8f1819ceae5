import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ApiError } from "../errors";
import type { Env } from "../providers/server-config";
import { type ClientContext, clientKey, envCount, RateLimiter } from "./rate-limit";

/**
 * The optional deployment gate (PLAYGROUND_ACCESS_TOKEN). A client proves it knows the token by
 *  - the `playground_access` cookie the /signin form sets (HttpOnly, SameSite=Strict), or
 *  - an `x-playground-access-token: <token>` header, or
 *  - `Authorization: Bearer <token>`, but not on /api/proxy/*, where Authorization carries the
 *    user's provider key and is forwarded upstream: accepting the token there would send it to
 *    a provider.
 * Wrong tokens are throttled per client (PLAYGROUND_ACCESS_FAILURES_PER_MIN), wherever offered.
 */
export const ACCESS_COOKIE = "playground_access";
export const ACCESS_HEADER = "x-playground-access-token";
export const ACCESS_COOKIE_MAX_AGE_S = 30 * 24 * 3600;
export const DEFAULT_ACCESS_FAILURES_PER_MIN = 10;

export function configuredAccessToken(env: Env = process.env): string | null {
  const token = env.PLAYGROUND_ACCESS_TOKEN;
  return token && token.trim() !== "" ? token : null;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time comparison; hashing first makes both sides the same length. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * State shared by proxy.ts and every route, which Next bundles separately: one random secret and
 * one failure count per process, not one per bundle.
 */
const SHARED = Symbol.for("llm-playground.access-gate");
type WithShared = typeof globalThis & { [SHARED]?: { secret: string; failures: RateLimiter } };

function shared(): { secret: string; failures: RateLimiter } {
  const global = globalThis as WithShared;
  global[SHARED] ??= { secret: randomBytes(32).toString("base64url"), failures: new RateLimiter() };
  return global[SHARED];
}

/**
 * The key of the sign-in cookie's HMAC: PLAYGROUND_SESSION_SECRET, which every instance of a
 * deployment must share, or else a random secret of this process (sign-ins then last until
 * the server restarts, and work on this instance only).
 */
export function sessionSecret(env: Env = process.env): string {
  const configured = env.PLAYGROUND_SESSION_SECRET;
  return configured && configured.trim() !== "" ? configured : shared().secret;
}

const cookieMac = (token: string, secret: string, expiresAtS: string) =>
  createHmac("sha256", secret).update(`llm-playground access cookie v2\n${expiresAtS}\n${token}`).digest("base64url");

/**
 * `v2.<expiry, unix s>.<HMAC>`: without the server's secret a leaked cookie cannot be tested
 * against guessed tokens offline, and it stops working at its expiry, when the token changes, or
 * when the secret does.
 */
export function issueAccessCookie(token: string, secret: string, nowMs: number): string {
  const expiresAtS = String(Math.floor(nowMs / 1000) + ACCESS_COOKIE_MAX_AGE_S);
  return `v2.${expiresAtS}.${cookieMac(token, secret, expiresAtS)}`;
}

export function acceptsAccessCookie(value: string, token: string, secret: string, nowMs: number): boolean {
  const parts = /^v2\.(\d{1,12})\.([\w-]{43})$/.exec(value);
  if (!parts) return false;
  const [, expiresAtS = "", mac = ""] = parts;
  return Number(expiresAtS) * 1000 > nowMs && safeEqual(mac, cookieMac(token, secret, expiresAtS));
}

export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Failed token checks per client per minute before 429 (0 turns the throttle off). */
export function accessFailureLimit(env: Env = process.env): number {
  return envCount(env.PLAYGROUND_ACCESS_FAILURES_PER_MIN, DEFAULT_ACCESS_FAILURES_PER_MIN);
}

export function accessDenied(): ApiError {
  return new ApiError(
    401,
    "authentication_error",
    `This playground requires an access token: sign in at /signin, or send it in the ${ACCESS_HEADER} header.`,
    { code: "access_token_required" },
  );
}

function accessThrottled(retryAfterS: number, limit: number): ApiError {
  return new ApiError(
    429,
    "rate_limit_error",
    `Too many wrong access tokens from your address: the limit is ${limit} per minute. Try again in ${retryAfterS} s.`,
    { code: "access_token_throttled", headers: { "retry-after": String(retryAfterS), "cache-control": "no-store" } },
  );
}

export interface GateContext extends ClientContext {
  failures?: RateLimiter;
}

/**
 * Judges the tokens a client offered: null when one is right, else the error to answer. Each
 * wrong offer counts against the client's address; past the limit every offer is refused with
 * 429 until the window ends, the right token too, so a guesser learns nothing from trying on.
 * Loopback is not exempt (unlike the proxy's rate limit): a reverse proxy on the same machine
 * without PLAYGROUND_TRUST_PROXY would otherwise exempt everyone.
 */
export function judgeOffer(offered: readonly string[], token: string, headers: Headers, context: GateContext = {}): ApiError | null {
  if (offered.length === 0) return accessDenied();
  const { env = process.env, failures = shared().failures, now = Date.now() } = context;
  const limit = accessFailureLimit(env);
  const key = clientKey(headers, env, context.peer);
  if (limit > 0) {
    const verdict = failures.peek(key, limit, now);
    if (!verdict.allowed) return accessThrottled(verdict.retryAfterS, limit);
  }
  if (offered.some((given) => safeEqual(given, token))) return null;
  if (limit > 0) failures.take(key, limit, now);
  return accessDenied();
}

function offeredTokens(headers: Headers, allowBearer: boolean): string[] {
  const offered: string[] = [];
  const header = headers.get(ACCESS_HEADER)?.trim();
  if (header) offered.push(header);
  const bearer = allowBearer ? /^bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1]?.trim() : undefined;
  if (bearer) offered.push(bearer);
  return offered;
}

/**
 * Null when the request may pass, else the 401 or 429 to answer. A valid cookie passes even while
 * its address is throttled (it holds an HMAC nobody can guess); a stale one counts as no offer,
 * so a browser that keeps sending it never throttles its own user.
 */
export function checkAccess(
  headers: Headers,
  token: string,
  options: { allowBearer: boolean },
  context: GateContext = {},
): ApiError | null {
  const cookie = readCookie(headers, ACCESS_COOKIE);
  const now = context.now ?? Date.now();
  if (cookie !== null && acceptsAccessCookie(cookie, token, sessionSecret(context.env), now)) return null;
  return judgeOffer(offeredTokens(headers, options.allowBearer), token, headers, { ...context, now });
}

/** The proxy route's own gate (proxy.ts skips /api/proxy so request bodies are never buffered there). */
export function assertProxyAccess(request: { headers: Headers }, context: GateContext = {}): void {
  const token = configuredAccessToken(context.env);
  const error = token ? checkAccess(request.headers, token, { allowBearer: false }, context) : null;
  if (error) throw error;
}
