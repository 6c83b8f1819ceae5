import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { type IncomingBody, readBodyCapped, readRequestCapped } from "./body";

/** A request body as node hands it over: a Readable with the request's headers beside it. */
const post = (parts: (string | Buffer)[], headers: Record<string, string> = {}): IncomingBody =>
  Object.assign(
    Readable.from(
      parts.map((p) => Buffer.from(p)),
      { objectMode: false },
    ),
    { headers },
  );

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

describe("readRequestCapped (a web Request, the local provider's route)", () => {
  const streamed = (parts: Uint8Array[], headers: Record<string, string> = {}) =>
    new Request("http://x/", {
      method: "POST",
      headers,
      body: new ReadableStream({
        start: (c) => {
          for (const p of parts) c.enqueue(p);
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);

  it("returns the exact bytes, and none for no body", async () => {
    const text = '{ "é": [1,\n2] }';
    const bytes = await readRequestCapped(new Request("http://x/", { method: "POST", body: text }), 100);
    expect(bytes.toString("utf8")).toBe(text);
    expect((await readRequestCapped(new Request("http://x/"), 10)).byteLength).toBe(0);
  });

  it("refuses a declared or a streamed body over the limit with the proxy's 413", async () => {
    const proxy = await readBodyCapped(post([Buffer.alloc(11)]), 10).catch((e: unknown) => e);
    const declared = await readRequestCapped(streamed([new Uint8Array(2)], { "content-length": "11" }), 10).catch((e: unknown) => e);
    const grown = await readRequestCapped(streamed([new Uint8Array(6), new Uint8Array(6)]), 10).catch((e: unknown) => e);
    for (const error of [declared, grown]) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(413);
      expect((error as ApiError).toBody()).toEqual((proxy as ApiError).toBody());
    }
    expect((await readRequestCapped(streamed([new Uint8Array(5), new Uint8Array(5)]), 10)).byteLength).toBe(10);
  });

  it("answers 400 when the body breaks off", async () => {
    const broken = new Request("http://x/", {
      method: "POST",
      body: new ReadableStream({ pull: (c) => c.error(new Error("reset")) }),
      duplex: "half",
    } as RequestInit);
    await expect(readRequestCapped(broken, 10)).rejects.toMatchObject({ status: 400 });
  });
});
