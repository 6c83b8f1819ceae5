import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { blockedAddressReason } from "../lib/net/address-policy";
import { fetchPartial, type PartialResponse } from "./support/fault-upstream";
import { rawRequest } from "./support/http";

/**
 * Malformed input at the running production server (the harness's, where `local` is in-process,
 * `neyra` is the emulator and `openai` a dead port): random bodies, paths and header values.
 * Every answer must come within its time budget and be a 2xx with a body that parses, or a 4xx
 * in OpenAI's error shape. The only 5xx allowed are the gateway's own 502/504 for a route the
 * fuzzer happened to build that reaches an upstream (the dead port, the emulator's hang), never
 * a 500. Nothing here contacts a host that is not loopback: generated custom base URLs that could
 * resolve or connect elsewhere are replaced before they are sent. In-process fuzzing, with many
 * more runs, is in lib/local/fuzz.test.ts, lib/share/fuzz.test.ts and lib/import/fuzz.test.ts.
 */
const server = inject("serverUrl");
const PER_REQUEST_MS = 10_000;

type Answer = Pick<PartialResponse, "status" | "headers" | "body" | "complete">;

function checkAnswer(res: Answer, what: string): void {
  const text = res.body.toString("utf8");
  const where = `${what} → ${res.status} ${text.slice(0, 200)}`;
  expect(res.complete, where).toBe(true);
  expect(res.status, where).not.toBe(500);
  if (what.startsWith("HEAD ")) return void expect(res.status, where).toBeLessThan(500); // no body to read
  if (res.status >= 500) {
    expect([502, 504], where).toContain(res.status);
    expect(JSON.parse(text).error.type, where).toMatch(/^(upstream_error|timeout_error)$/);
    return;
  }
  if (res.status >= 400) {
    const type = String(res.headers["content-type"] ?? "");
    // Next's own answers outside our handlers are not JSON (its HTML 404 page, a plain-text or
    // empty 400/405 for a method a route or page does not take); every answer of ours is JSON.
    if (!type.includes("json")) return;
    const { error } = JSON.parse(text) as { error: Record<string, unknown> };
    expect(typeof error.message, where).toBe("string");
    expect("type" in error && "param" in error && "code" in error, where).toBe(true);
    return;
  }
  if (res.status >= 300) return; // Next's 308 for doubled or trailing slashes
  const type = String(res.headers["content-type"] ?? "");
  if (type.startsWith("text/event-stream")) {
    for (const line of text.split("\n")) {
      if (line.startsWith("data: ") && line !== "data: [DONE]") expect(() => JSON.parse(line.slice(6)), where).not.toThrow();
    }
  } else if (type.includes("json")) {
    expect(() => JSON.parse(text), where).not.toThrow();
  }
}

async function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} ${path}: no answer in ${PER_REQUEST_MS} ms`)), PER_REQUEST_MS);
  });
  try {
    return await Promise.race([rawRequest(server, { method, path, headers, body }).then((r) => ({ ...r, complete: true })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const VALID = { model: "local-ngram", messages: [{ role: "user", content: "hi" }], prompt: "Once", max_tokens: 4 };
const VALID_TEXT = JSON.stringify(VALID);
const PARAMS = [
  "model",
  "messages",
  "prompt",
  "stream",
  "temperature",
  "top_p",
  "max_tokens",
  "n",
  "stop",
  "seed",
  "logit_bias",
  "logprobs",
  "response_format",
  "best_of",
];

const body = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("latin1")),
  fc.nat(VALID_TEXT.length).map((n) => VALID_TEXT.slice(0, n)),
  fc.nat(3000).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc
    .constantFrom("1e400", "-1e400", "123456789012345678901234567890", "-0")
    .map((n) => VALID_TEXT.replace(/}$/, `,"temperature":${n},"seed":${n}}`)),
  fc.tuple(fc.constantFrom(...PARAMS), fc.jsonValue({ maxDepth: 2 }), fc.boolean()).map(([key, value, stream]) => {
    const out: Record<string, unknown> = { ...VALID, stream, [key]: value };
    if (typeof out.max_tokens === "number" && out.max_tokens > 8) out.max_tokens = 8;
    if (typeof out.n === "number" && out.n > 4) out.n = 4;
    if (typeof out.best_of === "number" && out.best_of > 4) out.best_of = 4;
    return JSON.stringify(out);
  }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ""),
);

/** Header values Node will put on the wire: tab, printable ASCII and latin-1. */
const headerChar = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09))
  .map((c) => String.fromCharCode(c));
const headerValue = fc.array(headerChar, { maxLength: 80 }).map((cs) => cs.join(""));

/** True when the proxy would refuse this base URL without any lookup or connection. */
function refusedOffline(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return true;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return true;
  if (url.username !== "" || url.password !== "") return true;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return blockedAddressReason(host) !== null && blockedAddressReason(host) !== "not an IP address";
}

const baseUrl = fc
  .oneof(
    headerValue,
    fc
      .tuple(
        fc.constantFrom(
          "http://127.0.0.1:1/v1",
          "http://[::1]:80/",
          "https://10.0.0.1/v1",
          "http://u:p@127.0.0.1/",
          "ftp://x/",
          "http://0x7f.1/",
        ),
        fc.nat(30),
        headerValue,
      )
      .map(([base, at, insert]) => base.slice(0, at) + insert + base.slice(at)),
  )
  .map((raw) => (refusedOffline(raw) ? raw : "not a url"));

describe("fuzzing the running server", () => {
  it("random bodies to the local provider, through the proxy and directly", async () => {
    const paths = [
      "/api/proxy/local/chat/completions",
      "/api/proxy/local/completions",
      "/api/local/v1/chat/completions",
      "/api/local/v1/completions",
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, fc.constantFrom("application/json", "text/plain", ""), async (path, b, type) => {
        const res = await send("POST", path, type ? { "content-type": type } : {}, b);
        checkAnswer(res, `POST ${path} ${b.slice(0, 80)}`);
      }),
      { numRuns: 1000, seed: 7101 },
    );
  }, 60_000);

  it("random paths and methods under /api/proxy/ and /api/local/ (well-formed percent-encoding)", async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        "local",
        "neyra",
        "custom",
        "nope",
        "chat",
        "completions",
        "models",
        "..",
        ".",
        "",
        "%2e%2e",
        "%2F",
        "%00",
        "%5C",
        "~",
        "tokenize",
      ),
      fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,12}$/),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }).map(encodeURIComponent),
    );
    const path = fc
      .tuple(
        fc.constantFrom("/api/proxy/", "/api/local/v1/", "/api/proxy/local/", "/api/"),
        fc.array(segment, { maxLength: 5 }),
        fc.constantFrom("", "?a=1", "?%zz", "#x", "?stream=true&&"),
      )
      .map(([prefix, segs, tail]) => prefix + segs.join("/") + tail);
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"), async (p, method) => {
        const res = await send(
          method,
          p,
          { "content-type": "application/json" },
          method === "GET" || method === "HEAD" ? undefined : VALID_TEXT,
        );
        checkAnswer(res, `${method} ${p}`);
      }),
      { numRuns: 800, seed: 7102 },
    );
  }, 60_000);

  // Found by the fuzzer above before it was limited to well-formed encodings: Next 16.4.6 answers
  // a dynamic route whose segment does not percent-decode with a plain-text 500, before any code
  // of ours runs (route params are decoded in Next's route module). Fails until proxy.ts (or Next)
  // turns these into a 4xx; see the report that came with this test.
  it("a malformed percent-encoding in a route segment is a 4xx, not a 500", async () => {
    const paths = [
      "/api/proxy/%80/models",
      "/api/proxy/neyra/%zz",
      "/api/proxy/local/chat%E2%82",
      "/api/local/v1/%ff",
      "/api/local/v1/models/%",
    ];
    const answers = await Promise.all(paths.map(async (p) => `${p} → ${(await send("GET", p, {})).status}`));
    expect(answers.filter((a) => !/→ 4\d\d$/.test(a))).toEqual([]);
  });

  it("garbage in x-upstream-base-url, authorization and the other headers the proxy reads", async () => {
    const target = fc.constantFrom(
      ["POST", "/api/proxy/custom/chat/completions"],
      ["GET", "/api/proxy/custom/models"],
      ["GET", "/api/proxy/neyra/models"],
      ["POST", "/api/proxy/local/chat/completions"],
    );
    const headers = fc.record(
      {
        "x-upstream-base-url": baseUrl,
        authorization: fc.oneof(
          headerValue,
          headerValue.map((v) => `Bearer ${v}`),
        ),
        "content-type": fc.oneof(headerValue, fc.constantFrom("application/json", "text/event-stream")),
        cookie: headerValue,
        "x-playground-access-token": headerValue,
        accept: headerValue,
        "x-forwarded-for": headerValue,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(target, headers, async ([method, path], h) => {
        const res = await send(method, path, h, method === "POST" ? VALID_TEXT : undefined);
        checkAnswer(res, `${method} ${path} ${JSON.stringify(h).slice(0, 200)}`);
      }),
      { numRuns: 700, seed: 7103 },
    );
  }, 60_000);

  it("the server is still healthy afterwards", async () => {
    expect((await fetchPartial(server, "/api/health")).status).toBe(200);
  });
});
