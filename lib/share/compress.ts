/**
 * deflate-raw through the web-standard CompressionStream (browsers, Node 20), so the same code
 * runs where the link is made and where it is opened, with no library.
 */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const result = await pipe(bytes, new CompressionStream("deflate-raw"), Number.POSITIVE_INFINITY);
  if (result === "too-large") throw new Error("unreachable: no limit when compressing");
  return result;
}

/** The inflated bytes, or "too-large" past `limit` (a tiny link may expand to gigabytes). Rejects on damaged data. */
export function inflateRaw(bytes: Uint8Array, limit: number): Promise<Uint8Array | "too-large"> {
  return pipe(bytes, new DecompressionStream("deflate-raw"), limit);
}

async function pipe(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array | "too-large"> {
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      // A copy has a plain ArrayBuffer behind it, which is what BufferSource promises.
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
  const reader = source.pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
