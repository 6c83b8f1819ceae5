import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { marker, requestWith } from "./support/emulator-client";
import { providerEnv } from "./support/global-setup";
import { json, rawRequest } from "./support/http";
import { freePort, type NextServer, startNextServer } from "./support/next-server";

/**
 * An operator's base URL may carry credentials: userinfo, or a key in the query (`?key=`). The
 * query still goes upstream (it is part of the URL the operator chose), but none of it reaches
 * the browser: `x-upstream-url` shows origin and path only, like /api/providers.
 */
const emulator = inject("emulatorUrl");
const tag = marker();
const MARKS = { user: `user${tag}`, password: `pass${tag}`, query: `query${tag}`, deadUser: `dead${tag}`, deadQuery: `deadq${tag}` };
let server: NextServer;

beforeAll(async () => {
  const deadPort = await freePort();
  server = await startNextServer({
    ...providerEnv(emulator),
    HORAY_BASE_URL: `http://${MARKS.user}:${MARKS.password}@${new URL(emulator).host}/horay/v1?key=${MARKS.query}`,
    TELNYX_BASE_URL: `http://${MARKS.deadUser}@127.0.0.1:${deadPort}/v2?key=${MARKS.deadQuery}`,
    PLAYGROUND_UPSTREAM_TIMEOUT_S: "2",
  });
});
afterAll(() => server?.stop());

const leaks = (text: string) =>
  Object.values(MARKS)
    .filter((m) => text.includes(m))
    .concat(text.includes(tag) ? [tag] : []);

describe("credentials in an operator's base URL", () => {
  it("still go upstream as the operator wrote the query", async () => {
    const m = marker();
    const res = await rawRequest(server.url, {
      method: "POST",
      path: "/api/proxy/horay/chat/completions",
      headers: { "content-type": "application/json" },
      body: json({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: m }] }),
    });
    expect(res.status).toBe(200);
    expect((await requestWith(emulator, m)).path).toBe(`/horay/v1/chat/completions?key=${MARKS.query}`);
    expect(res.headers["x-upstream-url"]).toBe(`${emulator}/horay/v1/chat/completions`);
  });

  it("appear in no response header or body: successes, streams, upstream errors and unreachable upstreams", async () => {
    const chat = (model: string, extra: object = {}) => json({ model, messages: [{ role: "user", content: "hi" }], ...extra });
    const horay = "meta-llama/Meta-Llama-3.1-8B-Instruct";
    const requests = [
      { method: "GET", path: "/api/providers" },
      { method: "GET", path: "/api/proxy/horay/models" },
      { method: "POST", path: "/api/proxy/horay/chat/completions", body: chat(horay) },
      { method: "POST", path: "/api/proxy/horay/chat/completions", body: chat(horay, { stream: true }) },
      { method: "POST", path: "/api/proxy/horay/chat/completions", body: chat("emulator/500") },
      { method: "POST", path: "/api/proxy/horay/chat/completions", body: chat("emulator/redirect") },
      { method: "POST", path: "/api/proxy/horay/chat/completions", body: "{not json" },
      { method: "GET", path: "/api/proxy/horay/chat/completions" },
      { method: "POST", path: "/api/proxy/telnyx/chat/completions", body: chat("m") },
      { method: "GET", path: "/api/proxy/telnyx/models" },
    ];
    const found: string[] = [];
    const statuses = new Set<number>();
    for (const r of requests) {
      const res = await rawRequest(server.url, { ...r, headers: { "content-type": "application/json" } });
      statuses.add(res.status);
      const hits = leaks(`${JSON.stringify(res.headers)}\n${res.text}`);
      if (hits.length > 0) found.push(`${r.method} ${r.path} (${res.status}): ${hits.join(", ")}`);
    }
    expect([...statuses]).toEqual(expect.arrayContaining([200, 302, 500, 502]));
    expect(found).toEqual([]);
    expect(leaks(server.output())).toEqual([]);
  }, 30_000);
});
