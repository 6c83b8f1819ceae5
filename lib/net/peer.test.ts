import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installPeerStamp, PEER_HEADER, peerAddress } from "./peer";

/** A real node:http server, as `next start` runs one: what do its handlers see? */
let server: http.Server;
let port: number;

beforeAll(async () => {
  installPeerStamp();
  installPeerStamp(); // twice, as `next dev` may: still one stamp
  server = http.createServer((req, res) => {
    const headers = new Headers(req.headers as Record<string, string>);
    res.end(JSON.stringify({ stamp: req.headers[PEER_HEADER], peer: peerAddress(headers) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function ask(headers: Record<string, string>, localAddress?: string): Promise<{ stamp: string; peer: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, headers, localAddress, agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
  });
}

describe("peer stamp", () => {
  it("gives handlers the socket's address, whatever the client sent", async () => {
    const seen = await ask({ [PEER_HEADER]: "forged 198.51.100.7", "x-forwarded-for": "198.51.100.7" }, "127.0.0.2");
    expect(seen.peer).toBe("127.0.0.2");
    expect(seen.stamp).not.toContain("198.51.100.7");
  });

  it("ignores a stamp without this process's nonce", () => {
    expect(peerAddress(new Headers({ [PEER_HEADER]: "forged 127.0.0.1" }))).toBeNull();
    expect(peerAddress(new Headers({ [PEER_HEADER]: "127.0.0.1" }))).toBeNull();
    expect(peerAddress(new Headers())).toBeNull();
  });
});
