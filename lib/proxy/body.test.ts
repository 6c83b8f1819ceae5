import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { readBodyCapped } from "./body";

function streamed(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const p of parts) controller.enqueue(p);
      controller.close();
    },
  });
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBodyCapped", () => {
  it("returns the exact bytes, key order and whitespace included", async () => {
    const text = '{ "z":1,\n"a" : [2, 1], "é": "\\u00e9" }';
    const bytes = await readBodyCapped(post(text), 100);
    expect(new TextDecoder().decode(bytes)).toBe(text);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    await expect(readBodyCapped(post("{}", { "content-length": "11" }), 10)).rejects.toMatchObject({ status: 413 });
  });

  it("refuses a chunked body that grows past the limit even without Content-Length", async () => {
    const error = await readBodyCapped(post(streamed([new Uint8Array(6), new Uint8Array(6)])), 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(413);
    expect((error as ApiError).message).toMatch(/larger than/);
  });

  it("accepts a body of exactly the limit", async () => {
    const bytes = await readBodyCapped(post(streamed([new Uint8Array(5), new Uint8Array(5)])), 10);
    expect(bytes.byteLength).toBe(10);
  });
});
