import { ApiError } from "../errors";
import { inPrefix, parseIPv4, parseIPv6 } from "../net/ip";
import { peerAddress } from "../net/peer";
import type { Env } from "../providers/server-config";

/**
 * Per-client rate limit of the proxy: a fixed one-minute window per client address, in memory
 * (one server process; a fleet would need a shared store).
 *
 * Settings, read on every request like the other proxy settings:
 *  - PLAYGROUND_RATE_LIMIT_PER_MIN: requests per minute per address (default 120; 0 turns it off).
 *  - PLAYGROUND_RATE_LIMIT_LOOPBACK=1: count loopback clients too (off by default, so the
 *    playground on one's own machine, and its tests, are never throttled).
 *  - PLAYGROUND_TRUST_PROXY=<n>: the number of reverse proxies in front of this server that
 *    append to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for). The client is then the n-th
 *    entry from the right, the one the outermost trusted proxy saw; entries further left were
 *    written by the client and are ignored. Unset or 0: no proxy in front, and X-Forwarded-For
 *    is ignored entirely, since the client wrote it.
 *
 * Where the address comes from without a proxy: the socket's, as the server stamped it on the
 * request (lib/net/peer.ts); Next's own X-Forwarded-For is no help, because `next start` keeps
 * one the client sent. A request without a valid stamp shares one bucket with every other
 * unknown address and is never taken for loopback.
 */
export interface RateLimitSettings {
  perMinute: number;
  limitLoopback: boolean;
  trustedHops: number;
}

export const DEFAULT_PER_MINUTE = 120;
export const WINDOW_MS = 60_000;
/** Bound on tracked addresses: past it, finished windows go first, then the oldest ones. */
export const MAX_TRACKED = 10_000;

/** A non-negative integer setting, or `fallback` when unset or not one. */
export function envCount(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export function readRateLimitSettings(env: Env = process.env): RateLimitSettings {
  return {
    perMinute: envCount(env.PLAYGROUND_RATE_LIMIT_PER_MIN, DEFAULT_PER_MINUTE),
    limitLoopback: env.PLAYGROUND_RATE_LIMIT_LOOPBACK === "1",
    trustedHops: envCount(env.PLAYGROUND_TRUST_PROXY, 0),
  };
}

/**
 * The client's address as this server can know it (see the module comment), or null. `peer` is
 * the socket's address; X-Forwarded-For counts only when proxies in front are trusted.
 */
export function clientAddress(headers: Headers, trustedHops: number, peer: string | null): string | null {
  const entries =
    trustedHops === 0
      ? []
      : (headers.get("x-forwarded-for") ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "");
  if (entries.length === 0) return peer === null || peer === "" ? null : normalise(peer);
  return normalise(entries[Math.max(0, entries.length - trustedHops)] ?? "");
}

/** The one key of every request whose address is unknown. */
export const UNKNOWN_CLIENT = "unknown";

/** Who a request is counted against, by the proxy's rate limit and the access-token throttle alike. */
export function clientKey(headers: Headers, env: Env = process.env, peer: string | null = peerAddress(headers)): string {
  return clientAddress(headers, readRateLimitSettings(env).trustedHops, peer) ?? UNKNOWN_CLIENT;
}

/** `[::1]:443` and `1.2.3.4:5` come from some proxies; the port is not part of the client. */
function normalise(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return (bracketed[1] ?? "").toLowerCase();
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  if (v4WithPort) return v4WithPort[1] ?? entry;
  return entry.toLowerCase();
}

const V4_LOOPBACK = [127, 0, 0, 0];
const V6_LOOPBACK = [...Array<number>(15).fill(0), 1];
const V4_MAPPED = [...Array<number>(10).fill(0), 0xff, 0xff];

export function isLoopback(address: string): boolean {
  const v4 = parseIPv4(address);
  if (v4) return inPrefix(v4, V4_LOOPBACK, 8);
  const v6 = parseIPv6(address);
  if (!v6) return false;
  if (inPrefix(v6, V6_LOOPBACK, 128)) return true;
  return inPrefix(v6, V4_MAPPED, 96) && v6[12] === 127;
}

interface Window {
  startedAt: number;
  used: number;
}

const retryAfter = (window: Window, now: number) => Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));

export type Verdict = { allowed: true } | { allowed: false; retryAfterS: number };

/** Fixed windows keyed by address; `now` is injected so tests need no fake timers. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly maxTracked = MAX_TRACKED) {}

  get size(): number {
    return this.windows.size;
  }

  /** Whether `key` has used up its window, without counting anything. */
  peek(key: string, perMinute: number, now: number): Verdict {
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS || window.used < perMinute) return { allowed: true };
    return { allowed: false, retryAfterS: retryAfter(window, now) };
  }

  take(key: string, perMinute: number, now: number): Verdict {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      // Re-inserting keeps the Map in window-start order, so eviction can drop from the front.
      this.windows.delete(key);
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
      this.evict();
    }
    if (window.used >= perMinute) {
      return { allowed: false, retryAfterS: retryAfter(window, now) };
    }
    window.used++;
    return { allowed: true };
  }

  /** Past the bound, the oldest windows go first: the Map is in window-start order, so those are
   * the expired ones; a live one goes only under pressure, which at worst lets that client start
   * a fresh window early. */
  private evict(): void {
    for (const key of this.windows.keys()) {
      if (this.windows.size <= this.maxTracked) return;
      this.windows.delete(key);
    }
  }
}

/** One limiter per process, on globalThis: the custom server's bundle (the proxy) and Next's
 * routes (/api/local/v1) are separate module copies and must count against the same windows. */
const SHARED = Symbol.for("llm-playground.rate-limiter");
const holder = globalThis as typeof globalThis & { [SHARED]?: RateLimiter };
holder[SHARED] ??= new RateLimiter();
const shared: RateLimiter = holder[SHARED];

export function rateLimitError(retryAfterS: number, perMinute: number): Response {
  return new ApiError(
    429,
    "rate_limit_error",
    `Too many requests to the proxy from your address: the limit is ${perMinute} per minute. Try again in ${retryAfterS} s.`,
    { code: "rate_limit_exceeded" },
  ).toResponse({ "retry-after": String(retryAfterS), "cache-control": "no-store" });
}

/** What a check reads besides the request; tests pass each, servers pass none. */
export interface ClientContext {
  env?: Env;
  now?: number;
  /** The socket's address; read from the server's stamp on the request when not given. */
  peer?: string | null;
}

export interface LimitContext extends ClientContext {
  limiter?: RateLimiter;
}

/** The 429 to send instead of proxying, or null to go ahead. */
export function checkRateLimit(request: { headers: Headers }, context: LimitContext = {}): Response | null {
  const { env = process.env, limiter = shared, now = Date.now() } = context;
  const settings = readRateLimitSettings(env);
  if (settings.perMinute === 0) return null;
  const address = clientKey(request.headers, env, context.peer);
  if (!settings.limitLoopback && isLoopback(address)) return null;
  const verdict = limiter.take(address, settings.perMinute, now);
  return verdict.allowed ? null : rateLimitError(verdict.retryAfterS, settings.perMinute);
}
