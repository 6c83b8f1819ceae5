import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { upstreamBodyStream } from "./stream";

/** A real socket pair: the server writes `script`, the stream under test reads the client side. */
async function upstream(script: (res: http.ServerResponse) => void) {
  const server = http.createServer((_req, res) => script(res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const request = http.request({ host: "127.0.0.1", port, agent: false });
  const response = await new Promise<http.IncomingMessage>((resolve) => {
    request.on("response", resolve);
    request.end();
  });
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  let destroyed = false;
  const stream = (eventStream: boolean, idleTimeoutMs = 100) =>
    upstreamBodyStream(response, {
      idleTimeoutMs,
      eventStream,
      idleMessage: "Neyra (x) sent nothing for 0.1 s; the proxy closed the stream.",
      brokenMessage: "Neyra (x) closed the connection before the response was complete.",
      destroy: () => {
        destroyed = true;
        request.destroy();
      },
    });
  return { stream, wasDestroyed: () => destroyed };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("upstreamBodyStream", () => {
  it("passes the body through unchanged", async () => {
    const { stream } = await upstream((res) => {
      res.write("data: 1\n\n");
      res.end("data: [DONE]\n\n");
    });
    expect(await readAll(stream(true))).toBe("data: 1\n\ndata: [DONE]\n\n");
  });

  it("ends a silent event stream with a timeout error event and closes the upstream", async () => {
    const { stream, wasDestroyed } = await upstream((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: {\"partial\"");
    });
    const text = await readAll(stream(true));
    expect(text).toBe(
      'data: {"partial"\n\ndata: {"error":{"message":"Neyra (x) sent nothing for 0.1 s; the proxy closed the stream.","type":"timeout_error","param":null,"code":"stream_idle_timeout"}}\n\n',
    );
    expect(wasDestroyed()).toBe(true);
  });

  it("ends a broken event stream with an upstream_error event", async () => {
    const { stream } = await upstream((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const text = await readAll(stream(true, 5000));
    expect(text).toMatch(/^data: 1\n\ndata: \{"error":\{"message":"Neyra \(x\) closed the connection/);
    expect(text).toContain('"code":"upstream_stream_broken"');
  });

  it("errors a silent non-SSE body (nothing can be appended to JSON)", async () => {
    const { stream } = await upstream((res) => res.write("{"));
    await expect(readAll(stream(false))).rejects.toThrow(/sent nothing/);
  });

  it("destroys the upstream when the reader cancels", async () => {
    const { stream, wasDestroyed } = await upstream((res) => res.write("x"));
    const reader = stream(false, 5000).getReader();
    await reader.read();
    await reader.cancel();
    expect(wasDestroyed()).toBe(true);
  });
});
