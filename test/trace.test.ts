import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawRequest } from "./support/http";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * TRACE (and TRACK, which node's parser does not even know) on every kind of route: a 405 in
 * OpenAI's error shape with an Allow header, and nothing in the server's log. Next alone
 * answered TRACE with a 500 and logged a stack trace (issue 17, item 7); a server of its own
 * here, so its log can be read.
 */
let server: NextServer;
beforeAll(async () => {
  server = await startNextServer({ PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS: "1" });
});
afterAll(async () => {
  await server?.stop();
});

const PATHS = [
  "/",
  "/compare",
  "/signin",
  "/api/health",
  "/api/providers",
  "/api/local/v1/models",
  "/api/proxy/local/models",
  "/api/proxy/openai/chat/completions",
  "/_next/static/chunks/nothing.js",
  "/no/such/page",
];

describe("TRACE and TRACK", () => {
  it.each(["TRACE", "TRACK"])("%s is a 405 on every route, with no stack trace in the log", async (method) => {
    for (const path of PATHS) {
      const res = await rawRequest(server.url, { method, path, headers: { cookie: "session=secret" } });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow, `${method} ${path}`).toBe("GET, HEAD, POST");
      expect(JSON.parse(res.text), `${method} ${path}`).toEqual({
        error: {
          message: `${method} is not allowed on this server.`,
          type: "invalid_request_error",
          param: null,
          code: "method_not_allowed",
        },
      });
      expect(res.text).not.toContain("secret");
    }
    expect(server.output()).not.toMatch(/\n\s+at |Error/);
  });

  it("leaves the server answering afterwards", async () => {
    expect((await rawRequest(server.url, { path: "/api/health" })).status).toBe(200);
  });
});
