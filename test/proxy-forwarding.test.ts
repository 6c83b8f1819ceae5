import OpenAI from "openai";
import { describe, expect, inject, it } from "vitest";
import { marker, requestCount, requestWith } from "./support/emulator-client";
import { json, rawRequest, sendRefusable } from "./support/http";

const server = inject("serverUrl");
const emulator = inject("emulatorUrl");

const chat = (body: string, headers: Record<string, string> = {}, provider = "neyra") =>
  rawRequest(server, {
    method: "POST",
    path: `/api/proxy/${provider}/chat/completions`,
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("transparent forwarding", () => {
  it("sends the exact body bytes (key order, spacing, escapes) and attaches the server key", async () => {
    const m = marker();
    const body = `{"model":"neyra/1D",  "messages":[{"role":"user","content":"h\\u00e9 ${m} ✓"}],"zeta":1,"alpha":{"b":2,"a":1}}`;
    const res = await chat(body, { cookie: "playground_access=x; session=y", "x-playground-access-token": "t" });
    expect(res.status).toBe(200);
    const seen = await requestWith(emulator, m);
    expect(Buffer.from(seen.bodyBase64, "base64").equals(Buffer.from(body))).toBe(true);
    expect(seen.path).toBe("/neyra/api/v1/chat/completions");
    expect(seen.headers.authorization).toBe("Bearer sk-server-neyra");
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers["x-playground-access-token"]).toBeUndefined();
  });

  it("prefers the browser's own key", async () => {
    const m = marker();
    await chat(json({ model: "neyra/1D", messages: [{ role: "user", content: m }] }), { authorization: "Bearer sk-user-own" });
    expect((await requestWith(emulator, m)).headers.authorization).toBe("Bearer sk-user-own");
  });

  it("returns the upstream's status, content type and body byte for byte, plus facts", async () => {
    const direct = await rawRequest(emulator, { path: "/horay/v1/models", headers: { authorization: "Bearer k" } });
    const proxied = await rawRequest(server, { path: "/api/proxy/horay/models" });
    // No seed page documents /models: the emulator answers 404, passed on as it came.
    expect(proxied.status).toBe(404);
    expect(proxied.headers["content-type"]).toBe(direct.headers["content-type"]);
    expect(proxied.body.equals(direct.body)).toBe(true);
    expect(proxied.headers["x-upstream-url"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/horay\/v1\/models$/);
    expect(proxied.headers["server-timing"]).toMatch(/^upstream;desc="upstream first byte";dur=\d+(\.\d)?$/);
  });

  it("reaches every seed provider on the profile's default base URL path", async () => {
    const cases = [
      ["neyra", "chat/completions", { model: "neyra/1D", messages: [{ role: "user", content: "hi" }] }],
      ["horay", "chat/completions", { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "hi" }] }],
      ["avangenio", "chat/completions", { model: "radiance", messages: [{ role: "user", content: "hi" }] }],
      ["netmind", "chat/completions", { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: [{ role: "user", content: "hi" }] }],
      ["netmind", "completions", { model: "meta-llama/Meta-Llama-3.1-8B-Instruct", prompt: "Once" }],
      ["telnyx", "chat/completions", { messages: [{ role: "tool", content: "hi" }] }],
    ] as const;
    for (const [provider, path, body] of cases) {
      const res = await rawRequest(server, {
        method: "POST",
        path: `/api/proxy/${provider}/${path}`,
        headers: { "content-type": "application/json" },
        body: json(body),
      });
      expect(res.status, `${provider} ${path}: ${res.text}`).toBe(200);
    }
  });

  it("works as the base URL of the official openai client (retries off)", async () => {
    const client = new OpenAI({ baseURL: `${server}/api/proxy/avangenio`, apiKey: "sk-user-sdk", maxRetries: 0 });
    const m = marker();
    const { data, response } = await client.chat.completions
      .create({ model: "spark", messages: [{ role: "user", content: m }] })
      .withResponse();
    expect(data.id).toMatch(/^cmpl-/);
    expect(data.choices[0]?.message.content).toContain("tok0");
    expect(response.headers.get("x-upstream-url")).toContain("/avangenio/chat/completions");
    expect((await requestWith(emulator, m)).headers.authorization).toBe("Bearer sk-user-sdk");
  });
});

describe("upstream errors pass through with their bodies", () => {
  const scenario = (name: string) => json({ model: `emulator/${name}`, messages: [{ role: "user", content: "x" }] });

  it("429 with body and retry-after, byte for byte", async () => {
    const direct = await rawRequest(emulator, {
      method: "POST",
      path: "/neyra/api/v1/chat/completions",
      headers: { authorization: "Bearer k" },
      body: scenario("429"),
    });
    const res = await chat(scenario("429"));
    expect(res.status).toBe(429);
    expect(res.body.equals(direct.body)).toBe(true);
    expect(res.headers["retry-after"]).toBe("1");
  });

  it("500 with body", async () => {
    const res = await chat(scenario("500"));
    expect(res.status).toBe(500);
    expect(JSON.parse(res.text)).toEqual({
      error: { message: "The emulated server had an error.", type: "server_error", param: null, code: null },
    });
  });

  it("documented limit violations come back as each provider answers them", async () => {
    const msg = [{ role: "user", content: "x" }];
    const horay = await chat(json({ model: "meta-llama/Meta-Llama-3.1-8B-Instruct", messages: msg, max_tokens: 4097 }), {}, "horay");
    expect(horay.status).toBe(400);
    expect(horay.text).toContain("max_tokens must be between 1 and 4096");
    const netmind = await chat(json({ model: "m", messages: msg, stop: ["a", "b", "c", "d", "e"] }), {}, "netmind");
    expect(netmind.status).toBe(400);
    expect(netmind.text).toContain("up to 4");
    const neyra = await chat(json({ model: "neyra/1D", messages: msg, stop: Array(11).fill("s") }));
    expect(neyra.status).toBe(400);
    const telnyx = await chat(json({ messages: msg, top_logprobs: 21 }), {}, "telnyx");
    expect(telnyx.status).toBe(422);
    expect(JSON.parse(telnyx.text)).toEqual({
      detail: [{ loc: ["body", "top_logprobs"], msg: "Input should be an integer between 0 and 20", type: "value_error" }],
    });
  });

  it("an upstream 401 (bad key) passes through", async () => {
    const res = await chat(json({ model: "neyra/1D", messages: [] }), { authorization: "Bearer bad-key" });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).error.code).toBe("invalid_api_key");
  });

  it("a redirect is passed back, not followed, and the browser gets no Location to follow", async () => {
    const res = await chat(scenario("redirect"));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBeUndefined();
    expect(res.headers["x-upstream-location"]).toBe("http://169.254.169.254/latest/meta-data/");
    expect(res.text).toBe("Found");
  });
});

describe("the proxy's own errors", () => {
  const error = (text: string) => JSON.parse(text) as { error: { message: string; type: string } };

  it.each([
    ["/api/proxy/nope/chat/completions", "POST"],
    ["/api/proxy/neyra/embeddings", "POST"],
    ["/api/proxy/horay/completions", "POST"],
    ["/api/proxy/neyra/chat/completions/extra", "POST"],
    ["/api/proxy/neyra/chat%2Fcompletions", "POST"],
    ["/api/proxy/neyra/chat%2fcompletions", "POST"],
    ["/api/proxy/neyra/chat%5Ccompletions", "POST"],
    ["/api/proxy/neyra/chat%5ccompletions", "POST"],
    ["/api/proxy/neyra/chat/completions%00", "POST"],
    ["/api/proxy/neyra/..%2fhoray%2fmodels", "GET"],
    ["/api/proxy/neyra/%2e%2e%2fhoray/models", "GET"],
    ["/api/proxy/neyra/models%2f..%2f..%2fadmin", "GET"],
    ["/api/proxy/neyra/../../../etc/passwd", "GET"],
    ["/api/proxy/%2e%2e/neyra/models", "GET"],
  ])("%s is a 404 that reaches no upstream", async (path, method) => {
    const before = await requestCount(emulator);
    const body = method === "POST" ? "{}" : undefined;
    const res = await rawRequest(server, { method, path, headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(404);
    if (res.headers["content-type"]?.includes("json")) expect(error(res.text).error.message).toBeTruthy();
    expect(await requestCount(emulator)).toBe(before);
  });

  it("dot segments are resolved before any code of ours runs, so they can only land on an allowed route", async () => {
    // Next builds request.url with WHATWG URL, which resolves `..`, `.` and `%2e` (and turns `\`
    // into `/`): the route never sees them. What matters is that the upstream path is the
    // allow-listed constant, never one built from the request.
    const m = marker();
    const res = await rawRequest(server, {
      method: "POST",
      path: "/api/proxy/horay/models/../%2e%2e/neyra/chat/./completions",
      headers: { "content-type": "application/json" },
      body: json({ model: "neyra/1D", messages: [{ role: "user", content: m }] }),
    });
    expect(res.status).toBe(200);
    expect((await requestWith(emulator, m)).path).toBe("/neyra/api/v1/chat/completions");
  });

  it("a doubled slash is redirected by Next (308) and reaches no upstream", async () => {
    const before = await requestCount(emulator);
    const res = await rawRequest(server, { method: "POST", path: "/api/proxy/neyra//chat/completions", body: "{}" });
    expect(res.status).toBe(308);
    expect(await requestCount(emulator)).toBe(before);
  });

  it("401 naming the env var when there is no key", async () => {
    const res = await chat(json({ model: "gpt-4o-mini", messages: [] }), {}, "openai");
    expect(res.status).toBe(401);
    expect(error(res.text).error).toMatchObject({ type: "authentication_error" });
    expect(error(res.text).error.message).toContain("OPENAI_API_KEY");
  });

  it("413 for a body over 32 MiB, declared or streamed, before anything goes upstream", async () => {
    const before = await requestCount(emulator);
    const limit = 32 * 1024 * 1024;
    const post = { method: "POST", path: "/api/proxy/neyra/chat/completions" } as const;
    // Declared too large: the answer comes on the headers alone, before a byte of the body is sent.
    const declared = await sendRefusable(server, {
      ...post,
      headers: { "content-type": "application/json", "content-length": String(limit + 1) },
    });
    expect(declared.response?.status).toBe(413);
    expect(error(declared.response?.text ?? "").error.message).toContain("32 MiB");
    async function* chunked() {
      for (let i = 0; i < 33; i++) yield Buffer.alloc(1024 * 1024, 0x20);
    }
    // The whole body on its way, declared or chunked: the server refuses it before it ends, with a
    // 413 or by closing the connection under the client's writes; both are the refusal we want.
    const sent = [
      await sendRefusable(server, { ...post, headers: { "content-type": "application/json" }, body: Buffer.alloc(limit + 1, 0x20) }),
      await sendRefusable(server, {
        ...post,
        headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
        body: chunked(),
      }),
    ];
    for (const refusal of sent) {
      if (refusal.response) expect(refusal.response.status).toBe(413);
      else expect(refusal.closedEarly).toMatch(/^(EPIPE|ECONNRESET)$/);
    }
    expect(await requestCount(emulator)).toBe(before);
  });

  it("502 naming the provider and host when the upstream is unreachable", async () => {
    const res = await chat(json({ model: "gpt-4o-mini", messages: [] }), { authorization: "Bearer sk-user" }, "openai");
    expect(res.status).toBe(502);
    expect(error(res.text).error.type).toBe("upstream_error");
    expect(error(res.text).error.message).toMatch(/OpenAI \(127\.0\.0\.1\).*ECONNREFUSED/);
  });

  it("504 naming the provider and host when the upstream never answers", async () => {
    const started = Date.now();
    const res = await chat(json({ model: "emulator/hang", messages: [] }));
    expect(res.status).toBe(504);
    expect(error(res.text).error).toMatchObject({ type: "timeout_error", message: "Neyra (127.0.0.1) did not answer within 2 s." });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it("405 for the wrong method", async () => {
    const res = await rawRequest(server, { method: "GET", path: "/api/proxy/neyra/chat/completions" });
    expect(res.status).toBe(405);
  });
});

describe("every proxied response is nosniff and sandboxed, its bytes unchanged", () => {
  const safe = (res: { headers: Record<string, unknown> }, what: string) => {
    expect(res.headers["x-content-type-options"], what).toBe("nosniff");
    expect(res.headers["content-security-policy"], what).toBe("sandbox");
  };
  const body = (model: string, extra: object = {}) => json({ model, messages: [{ role: "user", content: "x" }], ...extra });

  it("upstream answers of every kind, compared with the upstream's own bytes", async () => {
    const cases = [
      ["GET", "/horay/v1/models", "/api/proxy/horay/models", undefined],
      ["POST", "/neyra/api/v1/chat/completions", "/api/proxy/neyra/chat/completions", body("emulator/429")],
      ["POST", "/neyra/api/v1/chat/completions", "/api/proxy/neyra/chat/completions", body("emulator/redirect")],
      ["POST", "/neyra/api/v1/chat/completions", "/api/proxy/neyra/chat/completions", body("emulator/500")],
    ] as const;
    for (const [method, upstreamPath, proxyPath, payload] of cases) {
      const direct = await rawRequest(emulator, { method, path: upstreamPath, headers: { authorization: "Bearer k" }, body: payload });
      const proxied = await rawRequest(server, { method, path: proxyPath, headers: { "content-type": "application/json" }, body: payload });
      expect(proxied.status).toBe(direct.status);
      expect(proxied.headers["content-type"]).toBe(direct.headers["content-type"]);
      expect(proxied.body.equals(direct.body), `${proxyPath} ${payload ?? ""}`).toBe(true);
      safe(proxied, `${proxyPath} ${payload ?? ""}`);
    }
  });

  it("streams, the built-in model, and the proxy's own errors", async () => {
    const responses = {
      stream: await chat(body("neyra/1D", { stream: true })),
      local: await rawRequest(server, { path: "/api/proxy/local/models" }),
      unknownProvider: await rawRequest(server, { method: "POST", path: "/api/proxy/nope/chat/completions", body: "{}" }),
      missingKey: await chat(body("gpt-4o-mini"), {}, "openai"),
      unreachable: await rawRequest(server, { path: "/api/proxy/openai/models", headers: { authorization: "Bearer k" } }),
    };
    expect(responses.stream.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect([responses.unknownProvider.status, responses.missingKey.status, responses.unreachable.status]).toEqual([404, 401, 502]);
    for (const [what, res] of Object.entries(responses)) safe(res, what);
  });
});
