import { describe, expect, inject, it } from "vitest";
import { json, rawRequest } from "./support/http";

const server = inject("serverUrl");

/** Provider `local` is served in-process by lib/local: same route, same headers, no network. */
describe("provider local through the proxy", () => {
  it("lists its model", async () => {
    const res = await rawRequest(server, { path: "/api/proxy/local/models" });
    expect(res.status).toBe(200);
    expect(res.headers["x-upstream-url"]).toBe("local:/models");
    expect(res.headers["server-timing"]).toMatch(/^upstream;/);
    expect(JSON.parse(res.text).data[0].id).toBe("local-ngram");
  });

  it("streams chat completions with the event-stream headers", async () => {
    const res = await rawRequest(server, {
      method: "POST",
      path: "/api/proxy/local/chat/completions",
      headers: { "content-type": "application/json", "accept-encoding": "gzip" },
      body: json({ model: "local-ngram", stream: true, max_tokens: 5, messages: [{ role: "user", content: "Hello" }] }),
    });
    expect(res.status, res.text).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(res.headers["cache-control"]).toBe("no-cache, no-transform");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });
});
