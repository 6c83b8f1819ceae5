import { EventEmitter } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LookupFunction } from "node:net";
import { type BrowserSide, openUpstream } from "./upstream";

let server: http.Server;
let base: string;
let connections = 0;

/** Requests seen per socket; with `dropReused`, a second request on a kept-alive socket gets the
 * socket closed under it, as an upstream does whose idle timeout fired just then. */
const perSocket = new WeakMap<object, number>();
let dropReused = false;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    if (dropReused && n > 1) return void req.socket.destroy();
    // Held a moment, so that a burst of requests is in flight at once, each on its own socket.
    if (req.url === "/hold") return void setTimeout(() => res.end("ok"), 50);
    res.end("ok");
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** A browser that stays until its response is done. */
const browser = (): BrowserSide => Object.assign(new EventEmitter(), { writableFinished: false, destroyed: false });

/** Stands in for the guarded lookup of a user-supplied host (which would refuse loopback). */
const lookup: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
  else callback(null, "127.0.0.1", 4);
};

async function call(url: string, options: { pooled: boolean; withLookup?: boolean }) {
  const opened = await openUpstream({
    url: new URL(url),
    method: "GET",
    headers: {},
    body: null,
    client: browser(),
    pooled: options.pooled,
    lookup: options.withLookup ? lookup : undefined,
    firstByteTimeoutMs: 2000,
  });
  opened.response.resume();
  await new Promise((r) => opened.response.on("end", r));
  await new Promise((r) => setImmediate(r));
}

describe("openUpstream connections", () => {
  it("reuses one kept-alive connection for an operator's base URL", async () => {
    const before = connections;
    for (let i = 0; i < 3; i++) await call(`${base}/v1/models`, { pooled: true });
    expect(connections - before).toBe(1);
  });

  it("opens a fresh connection per request for a user-supplied host, so each connect is vetted", async () => {
    const before = connections;
    for (let i = 0; i < 3; i++) await call(`${base}/v1/models`, { pooled: false });
    expect(connections - before).toBe(3);
  });

  it("sends a request once more on a fresh connection when a reused one was closed under it", async () => {
    dropReused = true;
    try {
      const before = connections;
      for (let i = 0; i < 3; i++) await call(`${base}/v1/models`, { pooled: true });
      expect(connections - before).toBe(3);
    } finally {
      dropReused = false;
    }
  });

  it("keeps every socket of a burst of 100 for the next burst (compare and sweeps come in bursts)", async () => {
    const before = connections;
    for (let burst = 0; burst < 2; burst++) {
      await Promise.all(Array.from({ length: 100 }, () => call(`${base}/hold`, { pooled: true })));
    }
    expect(connections - before).toBeLessThanOrEqual(100);
  });

  it("never pools a request that carries a guarded lookup", async () => {
    const host = base.replace("127.0.0.1", "vetted.example");
    const before = connections;
    for (let i = 0; i < 2; i++) await call(`${host}/v1/models`, { pooled: true, withLookup: true });
    expect(connections - before).toBe(2);
  });
});
