import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nonLoopbackAddress } from "./support/addresses";
import { rawRequest } from "./support/http";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * The proxy's per-address limit on real servers. Without PLAYGROUND_TRUST_PROXY the address is
 * the socket's (stamped by the server, lib/net/peer.ts) and X-Forwarded-For counts for nothing:
 * the client wrote it. Clients differ here by the local address they connect from.
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

const models = (url: string, headers: Record<string, string> = {}, localAddress?: string) =>
  rawRequest(url, { path: "/api/proxy/local/models", headers, localAddress });

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
    // Another address has its own window.
    expect((await models(limited.url, {}, "127.0.0.2")).status).toBe(200);
  });

  it("keys on the socket without a trusted proxy: a rotated X-Forwarded-For does not reset the count", async () => {
    for (let i = 0; i < 5; i++) expect((await models(limited.url, { "x-forwarded-for": `198.51.100.${i}` }, "127.0.0.3")).status).toBe(200);
    expect((await models(limited.url, { "x-forwarded-for": "198.51.100.99" }, "127.0.0.3")).status).toBe(429);
  });

  it("leaves loopback clients alone by default, whatever X-Forwarded-For they send", async () => {
    for (let i = 0; i < 12; i++) expect((await models(defaults.url)).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await models(defaults.url, { "x-forwarded-for": "203.0.113.9" })).status).toBe(200);
  });

  it("does not take a remote client that sends X-Forwarded-For: 127.0.0.1 for loopback", async () => {
    const remote = nonLoopbackAddress();
    for (let i = 0; i < 5; i++) expect((await models(defaults.url, { "x-forwarded-for": "127.0.0.1" }, remote)).status).toBe(200);
    expect((await models(defaults.url, { "x-forwarded-for": "127.0.0.1" }, remote)).status).toBe(429);
    expect((await models(defaults.url, { "x-forwarded-for": "::1" }, remote)).status).toBe(429);
  });
});
