import http from "node:http";
import OpenAI from "openai";
import { describe, expect, inject, it } from "vitest";
import { marker, requestWith, waitForConnectionClose } from "./support/emulator-client";
import { json, rawRequest } from "./support/http";

const server = inject("serverUrl");
const emulator = inject("emulatorUrl");

const streamBody = (model: string, content: string) => json({ model, stream: true, messages: [{ role: "user", content }] });

describe("SSE streaming", () => {
  it("pipes events as they arrive, uncompressed even when the client accepts gzip", async () => {
    const res = await rawRequest(server, {
      method: "POST",
      path: "/api/proxy/neyra/chat/completions",
      headers: { "content-type": "application/json", "accept-encoding": "gzip, deflate, br" },
      body: streamBody("neyra/1D", marker()),
    });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("no-cache, no-transform");
    expect(res.headers["x-accel-buffering"]).toBe("no");
    // The emulator sends 10 events 50 ms apart, then [DONE]: they must not arrive in one lump.
    expect(res.chunks.length).toBeGreaterThanOrEqual(6);
    const first = res.chunks[0]!.at;
    const last = res.chunks[res.chunks.length - 1]!.at;
    expect(last - first).toBeGreaterThanOrEqual(300);
    expect(res.text.match(/^data: /gm)).toHaveLength(11);
    expect(res.text.endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("streams legacy completions too (Netmind)", async () => {
    const res = await rawRequest(server, {
      method: "POST",
      path: "/api/proxy/netmind/completions",
      headers: { "content-type": "application/json" },
      body: json({ model: "m", prompt: "Once", stream: true }),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('"object":"text_completion"');
  });

  it("streams through the openai client", async () => {
    const client = new OpenAI({ baseURL: `${server}/api/proxy/neyra`, apiKey: "sk-user", maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: "neyra/1D", stream: true, messages: [{ role: "user", content: "hi" }] });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("tok0 tok1 tok2 tok3 tok4 tok5 tok6 tok7 tok8 tok9 ");
  });

  it("closes the upstream connection at once when the browser disconnects mid-stream", async () => {
    const { hostname, port } = new URL(server);
    const m = marker();
    const disconnectedAt = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        hostname,
        port,
        method: "POST",
        path: "/api/proxy/neyra/chat/completions",
        agent: false,
        headers: { "content-type": "application/json" },
      });
      req.on("error", () => undefined);
      req.on("response", (res) => {
        let events = 0;
        res.on("data", () => {
          if (++events === 2) {
            const at = Date.now();
            req.destroy();
            resolve(at);
          }
        });
        res.on("error", () => undefined);
      });
      setTimeout(() => reject(new Error("no events")), 5000);
      req.end(streamBody("emulator/slow-stream", m));
    });
    const seen = await requestWith(emulator, m);
    const closedAt = await waitForConnectionClose(emulator, seen, 2000);
    expect(closedAt, "upstream socket still open 2 s after the client left").not.toBeNull();
    expect(closedAt! - disconnectedAt).toBeLessThan(1000);
  });

  it("closes the upstream connection when the browser aborts before the first byte", async () => {
    const m = marker();
    const controller = new AbortController();
    const pending = fetch(`${server}/api/proxy/neyra/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: json({ model: "emulator/hang", messages: [{ role: "user", content: m }] }),
      signal: controller.signal,
    }).catch(() => null);
    await new Promise((r) => setTimeout(r, 300));
    const abortedAt = Date.now();
    controller.abort();
    await pending;
    const closedAt = await waitForConnectionClose(emulator, await requestWith(emulator, m), 1500);
    expect(closedAt).not.toBeNull();
    expect(closedAt! - abortedAt).toBeLessThan(1000);
  });

  it("cuts a stream that goes silent after the idle timeout, with an error event", async () => {
    const res = await rawRequest(server, {
      method: "POST",
      path: "/api/proxy/neyra/chat/completions",
      headers: { "content-type": "application/json" },
      body: streamBody("emulator/half-stream", marker()),
    });
    expect(res.status).toBe(200);
    const events = res.text.trimEnd().split("\n\n");
    expect(events).toHaveLength(4);
    expect(events[3]).toBe(
      'data: {"error":{"message":"Neyra (127.0.0.1) sent nothing for 2 s; the proxy closed the stream.","type":"timeout_error","param":null,"code":"stream_idle_timeout"}}',
    );
  });

  it("reports an upstream that drops the connection mid-stream", async () => {
    const res = await rawRequest(server, {
      method: "POST",
      path: "/api/proxy/neyra/chat/completions",
      headers: { "content-type": "application/json" },
      body: streamBody("emulator/broken-stream", marker()),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('"type":"upstream_error","param":null,"code":"upstream_stream_broken"');
  });
});
