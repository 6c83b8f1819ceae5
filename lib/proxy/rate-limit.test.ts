import { describe, expect, it } from "vitest";
import {
  checkRateLimit,
  clientAddress,
  clientKey,
  DEFAULT_PER_MINUTE,
  isLoopback,
  RateLimiter,
  readRateLimitSettings,
  UNKNOWN_CLIENT,
  WINDOW_MS,
} from "./rate-limit";

const req = (xff?: string) =>
  new Request("http://x/api/proxy/local/models", { headers: xff === undefined ? {} : { "x-forwarded-for": xff } });

describe("settings", () => {
  it("defaults to 120 per minute, loopback exempt, no trusted proxy", () => {
    expect(readRateLimitSettings({})).toEqual({ perMinute: DEFAULT_PER_MINUTE, limitLoopback: false, trustedHops: 0 });
  });

  it("reads the switches and ignores garbage", () => {
    const env = { PLAYGROUND_RATE_LIMIT_PER_MIN: "5", PLAYGROUND_RATE_LIMIT_LOOPBACK: "1", PLAYGROUND_TRUST_PROXY: "2" };
    expect(readRateLimitSettings(env)).toEqual({ perMinute: 5, limitLoopback: true, trustedHops: 2 });
    expect(readRateLimitSettings({ PLAYGROUND_RATE_LIMIT_PER_MIN: "-3", PLAYGROUND_TRUST_PROXY: "x" })).toMatchObject({
      perMinute: DEFAULT_PER_MINUTE,
      trustedHops: 0,
    });
    expect(readRateLimitSettings({ PLAYGROUND_RATE_LIMIT_PER_MIN: "0" }).perMinute).toBe(0);
  });
});

describe("clientAddress", () => {
  const h = (xff: string) => new Headers({ "x-forwarded-for": xff });

  it("without a trusted proxy, is the socket's address and ignores X-Forwarded-For entirely (the client wrote it)", () => {
    expect(clientAddress(h("127.0.0.1"), 0, "203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress(h("1.1.1.1, 198.51.100.7"), 0, "203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), 0, "203.0.113.9")).toBe("203.0.113.9");
    expect(isLoopback(clientAddress(h("127.0.0.1"), 0, "203.0.113.9") ?? "")).toBe(false);
  });

  it("with n trusted proxies, takes the n-th from the right and ignores what the client wrote to its left", () => {
    expect(clientAddress(h("6.6.6.6, 203.0.113.9"), 1, "10.0.0.2")).toBe("203.0.113.9");
    expect(clientAddress(h("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2, "10.0.0.3")).toBe("203.0.113.9");
    expect(clientAddress(h("203.0.113.9"), 3, "10.0.0.2")).toBe("203.0.113.9");
    // A request that reached the server around the proxy carries no header: the socket it is.
    expect(clientAddress(new Headers(), 1, "198.51.100.7")).toBe("198.51.100.7");
  });

  it("drops ports and brackets, lower-cases IPv6", () => {
    expect(clientAddress(h("[2001:DB8::1]:443"), 1, null)).toBe("2001:db8::1");
    expect(clientAddress(h("198.51.100.7:5123"), 1, null)).toBe("198.51.100.7");
    expect(clientAddress(new Headers(), 0, "::FFFF:127.0.0.1")).toBe("::ffff:127.0.0.1");
  });

  it("is null when the server stamped no socket address and no trusted header says otherwise", () => {
    expect(clientAddress(h("203.0.113.9"), 0, null)).toBeNull();
    expect(clientAddress(h(" , "), 1, null)).toBeNull();
  });
});

describe("clientKey", () => {
  it("reads PLAYGROUND_TRUST_PROXY and falls back to one shared unknown bucket", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientKey(headers, {}, "198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey(headers, { PLAYGROUND_TRUST_PROXY: "1" }, "198.51.100.7")).toBe("203.0.113.9");
    expect(clientKey(headers, {}, null)).toBe(UNKNOWN_CLIENT);
  });
});

describe("isLoopback", () => {
  it.each(["127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"])("%s is loopback", (a) => {
    expect(isLoopback(a)).toBe(true);
  });
  it.each(["10.0.0.1", "128.0.0.1", "::2", "::ffff:10.0.0.1", "localhost", "unknown", ""])("%s is not", (a) => {
    expect(isLoopback(a)).toBe(false);
  });
});

describe("RateLimiter", () => {
  it("allows perMinute requests per window, then says when the window ends", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 3; i++) expect(limiter.take("a", 3, 1000 + i)).toEqual({ allowed: true });
    expect(limiter.take("a", 3, 1000 + 10_500)).toEqual({ allowed: false, retryAfterS: 50 });
    expect(limiter.take("b", 3, 1000 + 10_500)).toEqual({ allowed: true });
    expect(limiter.take("a", 3, 1000 + WINDOW_MS - 1)).toEqual({ allowed: false, retryAfterS: 1 });
    expect(limiter.take("a", 3, 1000 + WINDOW_MS)).toEqual({ allowed: true });
  });

  it("stays within its bound under an address flood, forgetting the oldest windows first", () => {
    const limiter = new RateLimiter(100);
    for (let i = 0; i < 10_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, 5, i);
    expect(limiter.size).toBe(100);
    // The newest address is still counted; the first one was forgotten.
    for (let i = 0; i < 4; i++) limiter.take("10.0.39.15", 5, 10_000);
    expect(limiter.take("10.0.39.15", 5, 10_000).allowed).toBe(false);
    expect(limiter.take("10.0.0.0", 5, 10_000).allowed).toBe(true);
  });
});

describe("RateLimiter.peek", () => {
  it("tells whether a window is used up without counting", () => {
    const limiter = new RateLimiter();
    expect(limiter.peek("a", 2, 0)).toEqual({ allowed: true });
    limiter.take("a", 2, 0);
    expect(limiter.peek("a", 2, 0)).toEqual({ allowed: true });
    limiter.take("a", 2, 0);
    expect(limiter.peek("a", 2, 30_000)).toEqual({ allowed: false, retryAfterS: 30 });
    expect(limiter.peek("a", 2, WINDOW_MS)).toEqual({ allowed: true });
  });
});

describe("checkRateLimit", () => {
  const env = { PLAYGROUND_RATE_LIMIT_PER_MIN: "2" };
  const at = (peer: string | null, now = 0, limiter = new RateLimiter(), e: Record<string, string> = env) => ({
    env: e,
    limiter,
    now,
    peer,
  });

  it("answers 429 in OpenAI's shape with retry-after once an address is over", async () => {
    const limiter = new RateLimiter();
    expect(checkRateLimit(req(), at("203.0.113.9", 0, limiter))).toBeNull();
    expect(checkRateLimit(req(), at("203.0.113.9", 0, limiter))).toBeNull();
    const res = checkRateLimit(req(), at("203.0.113.9", 20_000, limiter));
    expect(res?.status).toBe(429);
    expect(res?.headers.get("retry-after")).toBe("40");
    expect(await res?.json()).toEqual({
      error: {
        message: "Too many requests to the proxy from your address: the limit is 2 per minute. Try again in 40 s.",
        type: "rate_limit_error",
        param: null,
        code: "rate_limit_exceeded",
      },
    });
  });

  it("leaves loopback alone unless asked, and is off at 0", () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 10; i++) expect(checkRateLimit(req(), at("127.0.0.1", 0, limiter))).toBeNull();
    const loop = { ...env, PLAYGROUND_RATE_LIMIT_LOOPBACK: "1" };
    checkRateLimit(req(), at("::1", 0, limiter, loop));
    checkRateLimit(req(), at("::1", 0, limiter, loop));
    expect(checkRateLimit(req(), at("::1", 0, limiter, loop))?.status).toBe(429);
    const off = { PLAYGROUND_RATE_LIMIT_PER_MIN: "0" };
    for (let i = 0; i < 10; i++) expect(checkRateLimit(req(), at("198.51.100.1", 0, limiter, off))).toBeNull();
  });

  it("a spoofed or rotated X-Forwarded-For changes nothing without a trusted proxy", () => {
    const limiter = new RateLimiter();
    expect(checkRateLimit(req("127.0.0.1"), at("203.0.113.9", 0, limiter))).toBeNull();
    expect(checkRateLimit(req("10.0.0.1"), at("203.0.113.9", 0, limiter))).toBeNull();
    expect(checkRateLimit(req("10.0.0.2"), at("203.0.113.9", 0, limiter))?.status).toBe(429);
  });

  it("no stamped address is no way out: those share one bucket", () => {
    const limiter = new RateLimiter();
    checkRateLimit(req("127.0.0.1"), at(null, 0, limiter));
    checkRateLimit(req(), at(null, 0, limiter));
    expect(checkRateLimit(req(" , "), at(null, 0, limiter))?.status).toBe(429);
  });
});
