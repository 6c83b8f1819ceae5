import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./support/http";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * The access gate against an outside probe: where sign-in may send a browser, how wrong tokens
 * are throttled, and what the sign-in cookie is. Two instances share PLAYGROUND_SESSION_SECRET,
 * as a deployment behind a load balancer would. Each test speaks from its own loopback address
 * (127.0.0.x), so each is its own client to the per-client throttle.
 */
const TOKEN = "open-sesame-17";
const SECRET = "shared-deployment-secret-17";
const env = { PLAYGROUND_ACCESS_TOKEN: TOKEN, PLAYGROUND_SESSION_SECRET: SECRET, PLAYGROUND_ACCESS_FAILURES_PER_MIN: "3" };
let server: NextServer;
let twin: NextServer;

beforeAll(async () => {
  [server, twin] = await Promise.all([startNextServer(env), startNextServer(env)]);
});
afterAll(async () => {
  await Promise.all([server?.stop(), twin?.stop()]);
});

function signIn(fields: Record<string, string>, from: string, url = server.url) {
  return rawRequest(url, {
    method: "POST",
    path: "/signin/submit",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    localAddress: from,
  });
}

/** Where a browser that got this Location on the server's origin goes. */
const landsOn = (location: string | undefined) => new URL(location ?? "", `${server.url}/signin/submit`);

describe("the redirect after sign-in", () => {
  const spellings = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "//evil.example",
    "///evil.example",
    "/.//evil.example",
    "\t//evil.example",
    "https://evil.example/",
    "/%2F%09%2Fevil.example",
    "/%5C%5Cevil.example",
    "%2F%2Fevil.example",
  ];

  it("stays on the app's origin for every spelling, and a newline is no 500", async () => {
    for (const next of spellings) {
      const res = await signIn({ token: TOKEN, next }, "127.0.0.11");
      expect(res.status, JSON.stringify(next)).toBe(303);
      expect(landsOn(res.headers.location).origin, JSON.stringify(next)).toBe(server.url);
      expect(res.headers.location).not.toMatch(/[\s\\]/);
    }
    expect(server.output()).not.toMatch(/TypeError|Invalid character|at .*\.js/);
  });

  it("keeps a path on this origin, and the next of a failed sign-in is just as safe", async () => {
    const ok = await signIn({ token: TOKEN, next: "/compare?x=1" }, "127.0.0.12");
    expect(ok.headers.location).toBe("/compare?x=1");
    const wrong = await signIn({ token: "nope", next: "/\t/evil.example" }, "127.0.0.12");
    expect(wrong.status).toBe(303);
    const again = landsOn(wrong.headers.location);
    expect(again.origin).toBe(server.url);
    expect(again.pathname).toBe("/signin");
    expect(again.searchParams.get("next")).toBe("/");
  });

  it("the /signin link does not carry the target into the form", async () => {
    const page = await rawRequest(server.url, { path: "/signin?next=%2F%09%2Fevil.example" });
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="next" value="/"');
    const kept = await rawRequest(server.url, { path: "/signin?next=%2Fsweep%3Fa%3D1" });
    expect(kept.text).toContain('name="next" value="/sweep?a=1"');
  });
});

describe("wrong access tokens", () => {
  const wrongHeader = { "x-playground-access-token": "guess" };
  const expect429 = (res: { status: number; headers: Record<string, unknown>; text: string }) => {
    expect(res.status).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(res.text).error).toMatchObject({ type: "rate_limit_error", code: "access_token_throttled" });
  };

  it("are throttled at /signin/submit: 429 after the limit, the right token too", async () => {
    for (let i = 0; i < 3; i++) expect((await signIn({ token: `guess-${i}`, next: "/" }, "127.0.0.21")).status).toBe(303);
    expect429(await signIn({ token: "guess-3", next: "/" }, "127.0.0.21"));
    expect429(await signIn({ token: TOKEN, next: "/" }, "127.0.0.21"));
    // Another client is not affected.
    expect((await signIn({ token: TOKEN, next: "/" }, "127.0.0.22")).headers["set-cookie"]).toBeDefined();
  });

  it("are throttled behind proxy.ts, for API routes and pages, however X-Forwarded-For rotates", async () => {
    for (let i = 0; i < 3; i++) {
      const headers = { authorization: `Bearer guess-${i}`, "x-forwarded-for": `198.51.100.${i}` };
      const res = await rawRequest(server.url, { path: "/api/providers", headers, localAddress: "127.0.0.23" });
      expect(res.status).toBe(401);
    }
    expect429(await rawRequest(server.url, { path: "/api/providers", headers: wrongHeader, localAddress: "127.0.0.23" }));
    expect429(await rawRequest(server.url, { path: "/", headers: { "x-playground-access-token": TOKEN }, localAddress: "127.0.0.23" }));
  });

  it("are throttled at /api/proxy, and one count covers every way in", async () => {
    const proxied = (headers: Record<string, string>) =>
      rawRequest(server.url, { path: "/api/proxy/local/models", headers, localAddress: "127.0.0.24" });
    expect((await proxied(wrongHeader)).status).toBe(401);
    expect((await signIn({ token: "guess", next: "/" }, "127.0.0.24")).status).toBe(303);
    expect((await rawRequest(server.url, { path: "/api/providers", headers: wrongHeader, localAddress: "127.0.0.24" })).status).toBe(401);
    expect429(await proxied(wrongHeader));
    expect429(await proxied({ "x-playground-access-token": TOKEN }));
  });

  it("a client without a token, or with a stale cookie, is not counted", async () => {
    for (let i = 0; i < 6; i++) {
      expect((await rawRequest(server.url, { path: "/api/providers", localAddress: "127.0.0.25" })).status).toBe(401);
      const stale = await rawRequest(server.url, {
        path: "/",
        headers: { cookie: "playground_access=v2.1.stale" },
        localAddress: "127.0.0.25",
      });
      expect(stale.status).toBe(303);
    }
    expect(
      (
        await rawRequest(server.url, {
          path: "/api/providers",
          headers: { "x-playground-access-token": TOKEN },
          localAddress: "127.0.0.25",
        })
      ).status,
    ).toBe(200);
  });
});

describe("the sign-in cookie", () => {
  async function cookieFor(url: string, from: string): Promise<string> {
    const res = await signIn({ token: TOKEN, next: "/" }, from, url);
    const cookie = res.headers["set-cookie"]?.[0] ?? "";
    expect(cookie).toMatch(/^playground_access=[\w.-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=2592000$/);
    return cookie.split(";")[0] ?? "";
  }
  const opens = async (url: string, cookie: string) => (await rawRequest(url, { path: "/api/providers", headers: { cookie } })).status;

  it("is not a plain hash of the token", async () => {
    const value = (await cookieFor(server.url, "127.0.0.31")).slice("playground_access=".length);
    for (const plain of [TOKEN, `playground-access-v1:${TOKEN}`]) {
      for (const encoding of ["base64url", "hex", "base64"] as const) {
        expect(value).not.toContain(createHash("sha256").update(plain).digest(encoding));
      }
    }
    expect(value).not.toContain(TOKEN);
  });

  it("the old unsalted SHA-256 cookie no longer opens anything", async () => {
    const old = createHash("sha256").update(`playground-access-v1:${TOKEN}`).digest("base64url");
    expect(await opens(server.url, `playground_access=${old}`)).toBe(401);
    const page = await rawRequest(server.url, { path: "/", headers: { cookie: `playground_access=${old}` } });
    expect(page.status).toBe(303);
  });

  it("opens every instance that shares PLAYGROUND_SESSION_SECRET", async () => {
    const cookie = await cookieFor(server.url, "127.0.0.32");
    expect(await opens(server.url, cookie)).toBe(200);
    expect(await opens(twin.url, cookie)).toBe(200);
    const tampered = cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(await opens(twin.url, tampered)).toBe(401);
  });
});
