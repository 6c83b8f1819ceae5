import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { providerEnv } from "./support/global-setup";
import { marker, requestWith } from "./support/emulator-client";
import { json, rawRequest } from "./support/http";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * A second production server, as a deployment would run it with an access token, and as
 * `npm run dev` runs with private upstreams allowed (for Ollama on localhost).
 */
const emulator = inject("emulatorUrl");
const TOKEN = "open-sesame-42";
let server: NextServer;

beforeAll(async () => {
  server = await startNextServer({
    ...providerEnv(emulator),
    PLAYGROUND_ACCESS_TOKEN: TOKEN,
    PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS: "1",
  });
});
afterAll(() => server?.stop());

const chatBody = (content: string) => json({ model: "neyra/1D", messages: [{ role: "user", content }] });

describe("PLAYGROUND_ACCESS_TOKEN", () => {
  it("keeps /api/health open", async () => {
    expect((await rawRequest(server.url, { path: "/api/health" })).status).toBe(200);
  });

  it("answers API routes 401 in OpenAI's shape without the token", async () => {
    const res = await rawRequest(server.url, { path: "/api/providers" });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).error).toMatchObject({ type: "authentication_error" });
  });

  it("accepts a bearer header or x-playground-access-token on API routes", async () => {
    expect((await rawRequest(server.url, { path: "/api/providers", headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await rawRequest(server.url, { path: "/api/providers", headers: { "x-playground-access-token": TOKEN } })).status).toBe(200);
    expect((await rawRequest(server.url, { path: "/api/providers", headers: { authorization: "Bearer wrong" } })).status).toBe(401);
  });

  it("redirects pages to /signin", async () => {
    const res = await rawRequest(server.url, { path: "/?x=1" });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/\/signin\?next=%2F%3Fx%3D1$/);
    expect((await rawRequest(server.url, { path: "/signin" })).status).toBe(200);
  });

  it("signs in through the form, setting an HttpOnly SameSite=Strict cookie that opens pages and the proxy", async () => {
    const form = (token: string) =>
      rawRequest(server.url, {
        method: "POST",
        path: "/signin/submit",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, next: "/" }).toString(),
      });
    const wrong = await form("nope");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.location).toMatch(/^\/signin\?error=1/);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    const right = await form(TOKEN);
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe("/");
    const cookie = right.headers["set-cookie"]?.[0] ?? "";
    expect(cookie).toMatch(/^playground_access=[\w.-]+; Path=\/; HttpOnly; SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    const pair = cookie.split(";")[0]!;
    expect((await rawRequest(server.url, { path: "/", headers: { cookie: pair } })).status).toBe(200);
    const m = marker();
    const proxied = await rawRequest(server.url, {
      method: "POST",
      path: "/api/proxy/neyra/chat/completions",
      headers: { cookie: pair, "content-type": "application/json" },
      body: chatBody(m),
    });
    expect(proxied.status).toBe(200);
    expect((await requestWith(emulator, m)).headers.cookie).toBeUndefined();
  });

  it("gates the proxy itself, and never takes the token from Authorization there (it would go upstream)", async () => {
    const bare = await rawRequest(server.url, { method: "POST", path: "/api/proxy/neyra/chat/completions", body: chatBody("x") });
    expect(bare.status).toBe(401);
    const bearer = await rawRequest(server.url, {
      method: "POST",
      path: "/api/proxy/neyra/chat/completions",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: chatBody("x"),
    });
    expect(bearer.status).toBe(401);
    const m = marker();
    const header = await rawRequest(server.url, {
      method: "POST",
      path: "/api/proxy/neyra/chat/completions",
      headers: { "x-playground-access-token": TOKEN, "content-type": "application/json" },
      body: chatBody(m),
    });
    expect(header.status).toBe(200);
    expect((await requestWith(emulator, m)).headers["x-playground-access-token"]).toBeUndefined();
  });
});

describe("PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS=1", () => {
  const custom = (baseUrl: string, body: string, headers: Record<string, string> = {}) =>
    rawRequest(server.url, {
      method: "POST",
      path: "/api/proxy/custom/chat/completions",
      headers: { "content-type": "application/json", "x-playground-access-token": TOKEN, "x-upstream-base-url": baseUrl, ...headers },
      body,
    });

  it("lets custom reach a loopback upstream with the browser's key", async () => {
    const m = marker();
    const res = await custom(`${emulator}/neyra/api/v1/`, chatBody(m), { authorization: "Bearer sk-user-custom" });
    expect(res.status).toBe(200);
    expect(res.headers["x-upstream-url"]).toBe(`${emulator}/neyra/api/v1/chat/completions`);
    expect((await requestWith(emulator, m)).headers.authorization).toBe("Bearer sk-user-custom");
  });

  it("never sends a server-held key to a user-supplied base URL", async () => {
    const m = marker();
    const res = await custom(`${emulator}/neyra/api/v1`, chatBody(m));
    expect(res.status).toBe(401); // the emulator's own answer to a request without a key
    expect((await requestWith(emulator, m)).headers.authorization).toBeUndefined();
  });

  it("still refuses credentials in the URL and non-http schemes", async () => {
    expect((await custom(`http://u:p@127.0.0.1:${new URL(emulator).port}/`, chatBody("x"))).status).toBe(403);
    expect((await custom("ftp://127.0.0.1/", chatBody("x"))).status).toBe(400);
  });
});
