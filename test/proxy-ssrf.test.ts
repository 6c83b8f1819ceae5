import { describe, expect, inject, it } from "vitest";
import { requestCount } from "./support/emulator-client";
import { json, rawRequest } from "./support/http";

const server = inject("serverUrl");
const emulator = inject("emulatorUrl");
const emulatorPort = new URL(emulator).port;

const custom = (baseUrl: string | null, headers: Record<string, string> = {}) =>
  rawRequest(server, {
    method: "POST",
    path: "/api/proxy/custom/chat/completions",
    headers: { "content-type": "application/json", ...(baseUrl === null ? {} : { "x-upstream-base-url": baseUrl }), ...headers },
    body: json({ model: "neyra/1D", messages: [{ role: "user", content: "x" }] }),
  });

describe("custom upstreams on a server without PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS", () => {
  it.each([
    `http://127.0.0.1:${emulatorPort}/neyra/api/v1`,
    `http://2130706433:${emulatorPort}/neyra/api/v1`,
    `http://0x7f.1:${emulatorPort}/neyra/api/v1`,
    `http://127.1:${emulatorPort}/neyra/api/v1`,
    `http://0177.0.0.1:${emulatorPort}/neyra/api/v1`,
    `http://[::ffff:7f00:1]:${emulatorPort}/neyra/api/v1`,
    `http://[::1]:${emulatorPort}/neyra/api/v1`,
    `http://user@127.0.0.1:${emulatorPort}/neyra/api/v1`,
    `http://evil.example@127.0.0.1:${emulatorPort}/neyra/api/v1`,
    "http://169.254.169.254/latest/meta-data",
    "http://[fd00::1]/v1",
    "http://10.0.0.1/v1",
    `http://localhost:${emulatorPort}/neyra/api/v1`,
  ])("refuses %s with 403 and contacts nothing", async (baseUrl) => {
    const before = await requestCount(emulator);
    const res = await custom(baseUrl, { authorization: "Bearer sk-user" });
    expect(res.status, res.text).toBe(403);
    const { error } = JSON.parse(res.text);
    expect(error.type).toBe("permission_error");
    expect(error.message).toMatch(/Refused to contact|credentials/);
    expect(await requestCount(emulator)).toBe(before);
  });

  it("explains a hostname that resolves to loopback", async () => {
    const res = await custom(`http://localhost:${emulatorPort}/v1`);
    expect(JSON.parse(res.text).error.message).toMatch(/localhost: it resolves to (127\.0\.0\.1|::1), a loopback/);
  });

  it.each(["ftp://example.com/v1", "file:///etc/passwd", "not a url"])("refuses %s with 400", async (baseUrl) => {
    const res = await custom(baseUrl);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.type).toBe("invalid_request_error");
  });

  it("asks for x-upstream-base-url when it is missing", async () => {
    const res = await custom(null);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.message).toContain("x-upstream-base-url");
  });
});
