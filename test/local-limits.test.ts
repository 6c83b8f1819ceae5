import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, rawRequest } from "./support/http";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * The built-in model's route on a real server: limited per client by the proxy's limiter, and a
 * request past the work cap refused before the model runs.
 */
let server: NextServer;

beforeAll(async () => {
  server = await startNextServer({ PLAYGROUND_RATE_LIMIT_PER_MIN: "4", PLAYGROUND_RATE_LIMIT_LOOPBACK: "1", LOCAL_MODEL_DELAY_MS: "0" });
});
afterAll(async () => {
  await server?.stop();
});

const chat = (body: Record<string, unknown>) =>
  rawRequest(server.url, {
    method: "POST",
    path: "/api/local/v1/chat/completions",
    headers: { "content-type": "application/json" },
    body: json({ model: "local-ngram", messages: [{ role: "user", content: "hi" }], ...body }),
  });

describe("/api/local/v1", () => {
  it("refuses work past the cap with a 400 naming the limit, then answers 429 past the rate limit", async () => {
    const tooBig = await chat({ n: 16, max_tokens: 4096 });
    expect(tooBig.status).toBe(400);
    expect(JSON.parse(tooBig.text).error).toMatchObject({ type: "invalid_request_error", param: "n", code: "work_limit_exceeded" });
    expect(JSON.parse(tooBig.text).error.message).toContain("at most 4096 tokens per request (LOCAL_MODEL_MAX_REQUEST_TOKENS)");
    const beams = await chat({ use_beam_search: true, best_of: 16, n: 16, max_tokens: 1024 });
    expect(beams.status).toBe(400);
    expect(JSON.parse(beams.text).error.code).toBe("work_limit_exceeded");

    expect((await chat({ max_tokens: 4 })).status).toBe(200);
    expect((await rawRequest(server.url, { path: "/api/local/v1/models" })).status).toBe(200);
    const limited = await rawRequest(server.url, { path: "/api/local/v1/models" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited.text).error).toMatchObject({ type: "rate_limit_error", param: null, code: "rate_limit_exceeded" });
    expect((await chat({ max_tokens: 4 })).status).toBe(429);
    // One limiter: the proxy counts the same requests.
    expect((await rawRequest(server.url, { path: "/api/proxy/local/models" })).status).toBe(429);
    // The rest of the app is not limited.
    expect((await rawRequest(server.url, { path: "/api/health" })).status).toBe(200);
  });
});
