import http, { type IncomingHttpHeaders } from "node:http";

/** A response read with node:http: raw bytes (no decompression) and when each chunk arrived. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  chunks: { at: number; bytes: number }[];
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given: no URL normalisation of `..` or `%2e`. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer | AsyncIterable<Buffer>;
  /** The client's own address: another loopback address (127.0.0.2) is another client. */
  localAddress?: string;
}

/** Collects a response's raw bytes, noting when each chunk arrived. */
function readResponse(res: http.IncomingMessage, started: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    const chunks: RawResponse["chunks"] = [];
    res.on("data", (c: Buffer) => {
      parts.push(c);
      chunks.push({ at: Date.now() - started, bytes: c.length });
    });
    res.on("error", reject);
    res.on("end", () => {
      const body = Buffer.concat(parts);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8"), chunks });
    });
  });
}

function open(serverUrl: string, options: RawRequest): http.ClientRequest {
  const { hostname, port } = new URL(serverUrl);
  return http.request({
    hostname,
    port,
    path: options.path,
    method: options.method ?? "GET",
    headers: options.headers,
    agent: false,
    localAddress: options.localAddress,
  });
}

/** node:http rather than fetch: fetch would normalise the path and hide content-encoding. */
export function rawRequest(serverUrl: string, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = open(serverUrl, options);
    req.on("error", reject);
    req.on("response", (res) => readResponse(res, started).then(resolve, reject));
    const body = options.body;
    if (body === undefined || typeof body === "string" || Buffer.isBuffer(body)) return void req.end(body);
    (async () => {
      for await (const part of body) req.write(part);
      req.end();
    })().catch(reject);
  });
}

/**
 * How a server refused a body: its answer, or, when it closed the connection while the body was
 * still going, the error the client's side of the socket saw (`EPIPE`, `ECONNRESET`).
 */
export type Refusal = { response: RawResponse; closedEarly: null } | { response: null; closedEarly: string };

const PEER_CLOSED = new Set(["EPIPE", "ECONNRESET"]);

/**
 * Sends a body the server may refuse before it has all arrived (a 413 on the Content-Length alone,
 * or part-way through). A server that has answered and closes the socket while bytes are still
 * unread resets the connection: the client's next write fails, and the answer itself can be lost
 * with the reset (RFC 9112 §9.6). Neither is the client's failure, so this stops writing once an
 * answer comes and reports a reset as `closedEarly`. Without a body, only the headers go out and
 * the request stays open until the answer.
 */
export function sendRefusable(
  serverUrl: string,
  options: Omit<RawRequest, "body"> & { body?: Buffer | AsyncIterable<Buffer> },
): Promise<Refusal> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = open(serverUrl, options);
    let answered = false;
    const closed = (error: NodeJS.ErrnoException) => {
      if (PEER_CLOSED.has(error.code ?? "")) resolve({ response: null, closedEarly: error.code ?? "" });
      else reject(error);
    };
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!answered) closed(error); // after an answer, a write error is the reset that follows it
    });
    req.on("response", (res) => {
      answered = true;
      readResponse(res, started).then((response) => {
        req.destroy();
        resolve({ response, closedEarly: null });
      }, closed);
    });
    const body = options.body;
    if (body === undefined) return void req.flushHeaders();
    const parts = Buffer.isBuffer(body) ? slices(body, 64 * 1024) : body;
    (async () => {
      for await (const part of parts) {
        if (answered || req.destroyed) return;
        if (!req.write(part)) await drainedOrClosed(req);
      }
      req.end();
    })().catch(closed);
  });
}

function drainedOrClosed(req: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off("drain", done).off("close", done);
      resolve();
    };
    req.on("drain", done).on("close", done);
  });
}

function* slices(buffer: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

export const json = (body: unknown) => JSON.stringify(body);
