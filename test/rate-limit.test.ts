import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./support/http";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * The proxy's per-address limit on real servers: what `next start` puts in X-Forwarded-For is
 * what lib/proxy/rate-limit.ts keys on, so this also pins down that behaviour of Next.
 */
let limited: NextServer;
let defaults: NextServer;

beforeAll(async () => {
  [limited, defaults] = await Promise.all([
    startNextServer({ PLAYGROUND_RATE_LIMIT_PER_MIN: "5", PLAYGROUND_RATE_LIMIT_LOOPBACK: "1" }),
    startNextServer({ PLAYGROUND_RATE_LIMIT_PER_MIN: "5" }),
  ]);
});
afterAll(async () => {
  await Promise.all([limited?.stop(), defaults?.stop()]);
});

const models = (url: string, headers: Record<string, string> = {}) => rawRequest(url, { path: "/api/proxy/local/models", headers });

describe("proxy rate limit", () => {
  it("answers the 6th request of a minute 429 in OpenAI's shape with retry-after, then other addresses still pass", async () => {
    for (let i = 0; i < 5; i++) expect((await models(limited.url)).status).toBe(200);
    const res = await models(limited.url);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(JSON.parse(res.text)).toEqual({
      error: {
        message: `Too many requests to the proxy from your address: the limit is 5 per minute. Try again in ${retryAfter} s.`,
        type: "rate_limit_error",
        param: null,
        code: "rate_limit_exceeded",
      },
    });
    // Only the proxy is limited.
    expect((await rawRequest(limited.url, { path: "/api/health" })).status).toBe(200);
    // A client-sent X-Forwarded-For is kept by `next start` (it only fills the header in when
    // absent), so it is a different key here; behind a proxy, PLAYGROUND_TRUST_PROXY decides.
    expect((await models(limited.url, { "x-forwarded-for": "198.51.100.7" })).status).toBe(200);
  });

  it("leaves loopback clients alone by default, which shows Next fills X-Forwarded-For with the socket address", async () => {
    // Without the header, the limiter would put the request in its shared "unknown" bucket and
    // answer 429 after 5; not doing so means it saw 127.0.0.1.
    for (let i = 0; i < 12; i++) expect((await models(defaults.url)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await models(defaults.url, { "x-forwarded-for": "203.0.113.9" })).status).toBe(200);
    expect((await models(defaults.url, { "x-forwarded-for": "203.0.113.9" })).status).toBe(429);
  });
});
