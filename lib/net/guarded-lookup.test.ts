import http from "node:http";
import type { AddressInfo } from "node:net";
import type { LookupAddress } from "node:dns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedAddressError } from "./errors";
import { createGuardedLookup, type Resolver } from "./guarded-lookup";

const fakeDns = (table: Record<string, LookupAddress[]>): Resolver => {
  return async (hostname) => table[hostname] ?? Promise.reject(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" }));
};

const v4 = (address: string): LookupAddress => ({ address, family: 4 });

function lookupOnce(resolver: Resolver, host: string, all: boolean): Promise<unknown> {
  const lookup = createGuardedLookup(resolver);
  return new Promise((resolve, reject) => {
    lookup(host, { all }, (error, address) => (error ? reject(error) : resolve(address)));
  });
}

describe("createGuardedLookup", () => {
  const dns = fakeDns({
    "public.test": [v4("93.184.216.34")],
    "private.test": [v4("10.0.0.7")],
    "metadata.test": [v4("169.254.169.254")],
    "mixed.test": [v4("93.184.216.34"), { address: "::1", family: 6 }],
    "mapped.test": [{ address: "::ffff:127.0.0.1", family: 6 }],
  });

  it("passes public answers through, in both callback shapes", async () => {
    await expect(lookupOnce(dns, "public.test", false)).resolves.toBe("93.184.216.34");
    await expect(lookupOnce(dns, "public.test", true)).resolves.toEqual([v4("93.184.216.34")]);
  });

  it.each(["private.test", "metadata.test", "mapped.test", "mixed.test"])("refuses %s", async (host) => {
    await expect(lookupOnce(dns, host, true)).rejects.toBeInstanceOf(BlockedAddressError);
  });

  it("passes resolver failures on", async () => {
    await expect(lookupOnce(dns, "nowhere.test", false)).rejects.toMatchObject({ code: "ENOTFOUND" });
  });
});

describe("the check applies to the address actually connected to", () => {
  let server: http.Server;
  let port = 0;
  let connections = 0;

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end("reached"));
    server.on("connection", () => connections++);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("a hostname that resolves to loopback at connect time never connects (rebinding)", async () => {
    // First answer public, then loopback: only the answer used for connecting matters.
    let calls = 0;
    const rebinding: Resolver = async () => [v4(calls++ === 0 ? "93.184.216.34" : "127.0.0.1")];
    await lookupOnce(rebinding, "rebind.test", true); // what a separate pre-check would have seen
    const error = await new Promise<Error>((resolve) => {
      const req = http.request({ host: "rebind.test", port, lookup: createGuardedLookup(rebinding), agent: false });
      req.on("error", resolve);
      req.on("response", () => resolve(new Error("connected")));
      req.end();
    });
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error.message).toContain("127.0.0.1");
    expect(connections).toBe(0);
  });
});
