import { ApiError } from "../errors";

function tooLarge(limit: number): ApiError {
  const mib = limit / (1024 * 1024);
  return new ApiError(413, "invalid_request_error", `Request body is larger than ${mib} MiB (${limit} bytes).`, {
    code: "request_too_large",
  });
}

/**
 * Reads the request body as the exact bytes that came, counting as it goes, so a missing or
 * lying Content-Length cannot get more than `limit` bytes into memory.
 */
export async function readBodyCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
