import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { type IncomingBody, readBodyCapped } from "./body";

/** A request body as node hands it over: a Readable with the request's headers beside it. */
const post = (parts: (string | Buffer)[], headers: Record<string, string> = {}): IncomingBody =>
  Object.assign(Readable.from(parts.map((p) => Buffer.from(p)), { objectMode: false }), { headers });

describe("readBodyCapped", () => {
  it("returns the exact bytes, key order and whitespace included", async () => {
    const text = '{ "z":1,\n"a" : [2, 1], "é": "\\u00e9" }';
    const bytes = await readBodyCapped(post([text.slice(0, 9), text.slice(9)]), 100);
    expect(bytes.toString("utf8")).toBe(text);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    await expect(readBodyCapped(post(["{}"], { "content-length": "11" }), 10)).rejects.toMatchObject({ status: 413 });
  });

  it("refuses a chunked body that grows past the limit even without Content-Length", async () => {
    const error = await readBodyCapped(post([Buffer.alloc(6), Buffer.alloc(6)]), 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(413);
    expect((error as ApiError).message).toMatch(/larger than/);
  });

  it("accepts a body of exactly the limit", async () => {
    const bytes = await readBodyCapped(post([Buffer.alloc(5), Buffer.alloc(5)]), 10);
    expect(bytes.byteLength).toBe(10);
  });

  it("rejects with ClientGone when the body stops before its end", async () => {
    const body: IncomingBody = Object.assign(new Readable({ read() {} }), { headers: {} });
    const reading = readBodyCapped(body, 10);
    body.destroy();
    await expect(reading).rejects.toThrow(/closed the request/);
  });
});
