import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { relayBody } from "./stream";

/**
 * Real sockets on both sides: an upstream server writes `script`, its response is relayed into
 * a second server's response, and a client reads that one, the browser's side.
 */
async function listen(handler: http.RequestListener): Promise<number> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return (server.address() as AddressInfo).port;
}

function get(port: number): Promise<{ request: http.ClientRequest; response: http.IncomingMessage }> {
  const request = http.request({ host: "127.0.0.1", port, agent: false });
  return new Promise((resolve) => {
    request.on("response", (response) => resolve({ request, response }));
    request.on("error", () => undefined);
    request.end();
  });
}

async function relay(script: (res: http.ServerResponse) => void, options: { eventStream?: boolean; idleTimeoutMs?: number } = {}) {
  const upstreamPort = await listen((_req, res) => script(res));
  let destroyed = false;
  const browserPort = await listen(async (_req, res) => {
    const { request, response } = await get(upstreamPort);
    res.writeHead(200, { "content-type": options.eventStream === false ? "application/json" : "text/event-stream" });
    relayBody(response, res, {
      idleTimeoutMs: options.idleTimeoutMs ?? 100,
      eventStream: options.eventStream ?? true,
      idleMessage: "Neyra (x) sent nothing for 0.1 s; the proxy closed the stream.",
      brokenMessage: "Neyra (x) closed the connection before the response was complete.",
      destroy: () => {
        destroyed = true;
        request.destroy();
      },
    });
  });
  const { response } = await get(browserPort);
  return { response, wasDestroyed: () => destroyed };
}

/** The browser's whole body, or how it broke off. */
function read(response: http.IncomingMessage): Promise<{ text: string; complete: boolean; bytes: number }> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    let bytes = 0;
    response.on("data", (c: Buffer) => {
      bytes += c.length;
      if (parts.length < 100) parts.push(c);
    });
    const done = (complete: boolean) => resolve({ text: Buffer.concat(parts).toString(), complete, bytes });
    response.on("end", () => done(true));
    response.on("error", () => done(false));
    response.resume();
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe("relayBody", () => {
  it("passes the body through unchanged", async () => {
    const { response } = await relay((res) => {
      res.write("data: 1\n\n");
      res.end("data: [DONE]\n\n");
    });
    expect(await read(response)).toMatchObject({ text: "data: 1\n\ndata: [DONE]\n\n", complete: true });
  });

  it("ends a silent event stream with a timeout error event and closes the upstream", async () => {
    const { response, wasDestroyed } = await relay((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"partial"');
    });
    expect((await read(response)).text).toBe(
      'data: {"partial"\n\ndata: {"error":{"message":"Neyra (x) sent nothing for 0.1 s; the proxy closed the stream.","type":"timeout_error","param":null,"code":"stream_idle_timeout"}}\n\n',
    );
    expect(wasDestroyed()).toBe(true);
  });

  it("ends a broken event stream with an upstream_error event", async () => {
    const { response } = await relay(
      (res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: 1\n\n");
        setTimeout(() => res.socket?.destroy(), 20);
      },
      { idleTimeoutMs: 5000 },
    );
    const { text } = await read(response);
    expect(text).toMatch(/^data: 1\n\ndata: \{"error":\{"message":"Neyra \(x\) closed the connection/);
    expect(text).toContain('"code":"upstream_stream_broken"');
  });

  it("cuts a silent non-SSE body (nothing can be appended to JSON)", async () => {
    const { response, wasDestroyed } = await relay((res) => res.write("{"), { eventStream: false });
    expect(await read(response)).toMatchObject({ text: "{", complete: false });
    expect(wasDestroyed()).toBe(true);
  });

  it("does not time out while the browser is the slow side", async () => {
    // More than loopback socket buffers hold, written at once and ended: the relay has to wait
    // for the paused browser to drain for far longer than the idle timeout.
    // The idle timeout is long enough that the upstream (this process, allocated beforehand) is
    // never silent that long while the browser keeps up; the pause is far longer than it.
    const size = 48 * 1024 * 1024;
    const body = Buffer.alloc(size, 0x61);
    const { response, wasDestroyed } = await relay(
      (res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(body);
      },
      { idleTimeoutMs: 400 },
    );
    response.pause();
    await new Promise((r) => setTimeout(r, 1500));
    const got = await read(response);
    expect(got).toMatchObject({ complete: true, bytes: size });
    expect(got.text).not.toContain("error");
    expect(wasDestroyed()).toBe(false);
  });
});
