import type { Env } from "../providers/server-config";
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "../errors";

/**
 * The optional deployment gate (PLAYGROUND_ACCESS_TOKEN). A client proves it knows the token by
 *  - the `playground_access` cookie the /signin form sets (HttpOnly, SameSite=Strict), or
 *  - an `x-playground-access-token: <token>` header, or
 *  - `Authorization: Bearer <token>`, but not on /api/proxy/*, where Authorization carries the
 *    user's provider key and is forwarded upstream: accepting the token there would send it to
 *    a provider.
 * The cookie holds a digest of the token, not the token, so a leaked cookie jar does not reveal it.
 */
export const ACCESS_COOKIE = "playground_access";
export const ACCESS_HEADER = "x-playground-access-token";

export function configuredAccessToken(env: Env = process.env): string | null {
  const token = env.PLAYGROUND_ACCESS_TOKEN;
  return token && token.trim() !== "" ? token : null;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time comparison; hashing first makes both sides the same length. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export function accessCookieValue(token: string): string {
  return createHash("sha256").update(`playground-access-v1:${token}`).digest("base64url");
}

export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function hasAccess(headers: Headers, token: string, options: { allowBearer: boolean }): boolean {
  const cookie = readCookie(headers, ACCESS_COOKIE);
  if (cookie !== null && safeEqual(cookie, accessCookieValue(token))) return true;
  const header = headers.get(ACCESS_HEADER);
  if (header !== null && safeEqual(header.trim(), token)) return true;
  if (!options.allowBearer) return false;
  const bearer = /^bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  return bearer !== undefined && safeEqual(bearer.trim(), token);
}

export function accessDenied(): ApiError {
  return new ApiError(
    401,
    "authentication_error",
    `This playground requires an access token: sign in at /signin, or send it in the ${ACCESS_HEADER} header.`,
    { code: "access_token_required" },
  );
}

/** The proxy route's own gate (proxy.ts skips /api/proxy so request bodies are never buffered there). */
export function assertProxyAccess(request: Request, env: Env = process.env): void {
  const token = configuredAccessToken(env);
  if (token && !hasAccess(request.headers, token, { allowBearer: false })) throw accessDenied();
}
