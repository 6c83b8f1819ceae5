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

/** Past the limit, how much more is read and thrown away so the client can finish sending. */
const DISCARD_FACTOR = 4;

/**
 * Reads the request body as the exact bytes that came, counting as it goes, so a missing or
 * lying Content-Length cannot get more than `limit` bytes into memory. An oversized body is
 * still read to its end (and dropped, up to DISCARD_FACTOR × limit) before the 413 goes out:
 * node closes a connection whose request it has not fully read, and a client still writing
 * would see EPIPE instead of the answer.
 */
export function readBodyCapped(request: IncomingBody, limit: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? Number.NaN);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = Number.isFinite(declared) && declared > limit;
    const settle = (error: Error | null) => {
      request.off("data", onData).off("end", onEnd).off("error", onClose).off("close", onClose);
      if (error) return reject(error);
      resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, total));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit && !over) {
        over = true;
        chunks.length = 0;
      }
      if (!over) chunks.push(chunk);
      else if (total > DISCARD_FACTOR * limit) settle(tooLarge(limit));
    };
    const onEnd = () => settle(over ? tooLarge(limit) : null);
    const onClose = () => settle(new ClientGone());
    request.on("data", onData).on("end", onEnd).on("error", onClose).on("close", onClose);
  });
}
