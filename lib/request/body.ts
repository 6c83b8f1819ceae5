import type { IncomingHttpHeaders } from "node:http";
import type { Readable } from "node:stream";
import { ApiError } from "../errors";

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

/**
 * Reads the request body as the exact bytes that came, counting as it goes, so a missing or
 * lying Content-Length cannot get more than `limit` bytes into memory. A declared size over the
 * limit is refused on the headers alone; a body that grows past it is refused at once, and the
 * rest flows on unread (node then closes the connection, its request unfinished).
 */
export function readBodyCapped(request: IncomingBody, limit: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const settle = (error: Error | null) => {
      request.off("data", onData).off("end", onEnd).off("error", onClose).off("close", onClose);
      if (error) return reject(error);
      resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) return settle(tooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = () => settle(null);
    const onClose = () => settle(new ClientGone());
    request.on("data", onData).on("end", onEnd).on("error", onClose).on("close", onClose);
  });
}
