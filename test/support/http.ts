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

/** node:http rather than fetch: fetch would normalise the path and hide content-encoding. */
export function rawRequest(serverUrl: string, options: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const req = http.request({ hostname, port, path: options.path, method: options.method ?? "GET", headers: options.headers, agent: false, localAddress: options.localAddress });
    req.on("error", reject);
    req.on("response", (res) => {
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
    const body = options.body;
    if (body === undefined || typeof body === "string" || Buffer.isBuffer(body)) return void req.end(body);
    (async () => {
      for await (const part of body) req.write(part);
      req.end();
    })().catch(reject);
  });
}

export const json = (body: unknown) => JSON.stringify(body);
