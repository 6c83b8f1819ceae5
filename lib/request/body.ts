import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import { ApiError, badRequest } from "../errors";
import { MAX_REQUEST_BODY_BYTES } from "./limits";

/** The one answer to a body over the limit, from the proxy and the local provider alike. */
function tooLarge(limit: number): ApiError {
  const mib = limit / (1024 * 1024);
  return new ApiError(413, "invalid_request_error", `Request body is larger than ${mib} MiB (${limit} bytes).`, {
    code: "request_too_large",
  });
}

/** The browser closed the connection while its request body was still coming. */
export class ClientGone extends Error {
  constructor() {
    super("the client closed the request");
    this.name = "ClientGone";
  }
}

/** What the reader needs of node's IncomingMessage (a plain Readable with headers in tests). */
export type IncomingBody = Readable & { headers: IncomingHttpHeaders; complete?: boolean };

/** A declared Content-Length over the limit is refused on the headers alone. */
function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  const declared = Number(contentLength ?? Number.NaN);
  return Number.isFinite(declared) && declared > limit;
}

/** The chunks of a body and their count of bytes; `add` says false once they pass the limit. */
class CappedChunks {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;

  constructor(private readonly limit: number) {}

  add(chunk: Uint8Array): boolean {
    this.total += chunk.byteLength;
    if (this.total > this.limit) return false;
    this.chunks.push(chunk);
    return true;
  }

  bytes(): Buffer {
    const [only] = this.chunks;
    return this.chunks.length === 1 && Buffer.isBuffer(only) ? only : Buffer.concat(this.chunks, this.total);
  }
}

/**
 * Reads the request body as the exact bytes that came, counting as it goes, so a missing or
 * lying Content-Length cannot get more than `limit` bytes into memory. A declared size over the
 * limit is refused on the headers alone; a body that grows past it is refused at once, and the
 * rest flows on unread (node then closes the connection, its request unfinished).
 */
export function readBodyCapped(request: IncomingBody, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  if (declaredTooLarge(request.headers["content-length"], limit)) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks = new CappedChunks(limit);
    const settle = (error: Error | null) => {
      request.off("data", onData).off("end", onEnd).off("error", onClose).off("close", onClose);
      if (error) return reject(error);
      resolve(chunks.bytes());
    };
    const onData = (chunk: Buffer) => {
      if (!chunks.add(chunk)) settle(tooLarge(limit));
    };
    const onEnd = () => settle(null);
    const onClose = () => settle(new ClientGone());
    request.on("data", onData).on("end", onEnd).on("error", onClose).on("close", onClose);
  });
}

/**
 * The same for a web Request (the local provider's own route): the same limit and 413, and a
 * 400 when the body breaks off, since that route answers the client itself.
 */
export async function readRequestCapped(request: Request, limit = MAX_REQUEST_BODY_BYTES): Promise<Buffer> {
  if (declaredTooLarge(request.headers.get("content-length"), limit)) throw tooLarge(limit);
  const chunks = new CappedChunks(limit);
  const reader = request.body?.getReader();
  for (;;) {
    const step = reader ? await reader.read().catch(() => null) : { done: true as const };
    if (step === null) throw badRequest("Could not read the request body.", undefined, "invalid_body");
    if (step.done) return chunks.bytes();
    if (!chunks.add(step.value)) {
      await reader?.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
  }
}
