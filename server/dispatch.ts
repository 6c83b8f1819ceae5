import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { ApiError } from "../lib/errors";
import { forwardToProvider } from "../lib/proxy/forward";
import { sendApiError } from "../lib/proxy/incoming";
import { invalidPathEncoding, PROXY_PREFIX, undecodablePath } from "../lib/proxy/paths";

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Methods no route of this app answers, refused before anything else runs: TRACE would echo
 * the request (cookies included) back, and Next answers it with a 500 and a stack trace. */
const REFUSED_METHODS = new Set(["TRACE", "TRACK"]);
const ALLOW = "GET, HEAD, POST";

function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, "invalid_request_error", `${method} is not allowed on this server.`, { code: "method_not_allowed" });
}

const notFound = () =>
  new ApiError(404, "not_found_error", "No proxy route here. Use /api/proxy/{provider}/{path}.", { code: "proxy_route_not_found" });

/**
 * Where each request goes: `/api/proxy/*` to the proxy on node's own request and response,
 * everything else to Next. The proxy's paths are judged here as Next judged them, on the URL as
 * WHATWG parses it (dot segments resolved, `\` turned into `/`): a path that does not
 * percent-decode is a 400, one that resolves out of /api/proxy/ is a 404 (it must not reach a
 * Next route past the access gate), and doubled slashes get the 308 Next gives them.
 */
export function createDispatcher(next: Handler): Handler {
  return (request, response) => {
    const method = request.method ?? "";
    if (REFUSED_METHODS.has(method)) return sendApiError(response, methodNotAllowed(method), { allow: ALLOW });
    const raw = request.url ?? "/";
    if (!raw.startsWith(PROXY_PREFIX)) return next(request, response);
    const url = new URL(raw, "http://localhost");
    if (undecodablePath(url.pathname)) return sendApiError(response, invalidPathEncoding());
    if (!url.pathname.startsWith(PROXY_PREFIX)) return sendApiError(response, notFound());
    if (url.pathname.includes("//")) {
      response.writeHead(308, { location: `${url.pathname.replace(/\/{2,}/g, "/")}${url.search}` });
      return void response.end();
    }
    forwardToProvider({ request, response, url }).catch((error: unknown) => {
      // forwardToProvider answers its own failures; this is the last guard against a crash.
      console.error("[proxy] could not answer:", error instanceof Error ? error.message : "unknown error");
      response.destroy();
    });
  };
}

/** node's socket, with the private link to the response in flight that node's own handler reads. */
type ServerSocket = Socket & { _httpMessage?: { headersSent: boolean } | null };

/**
 * Node's own answer to a request it could not parse (lib/_http_server.js, socketOnError), with
 * one difference: TRACK, a method node's parser does not know, gets the same 405 as TRACE
 * instead of a 400. As in node, nothing is written once a response on this socket has begun.
 */
export function answerClientError(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: ServerSocket): void {
  const inFlight = socket._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || inFlight?.headersSent) return void socket.destroy();
  const track = error.code === "HPE_INVALID_METHOD" && error.rawPacket?.subarray(0, 6).toString("latin1") === "TRACK ";
  if (track) {
    const body = JSON.stringify(methodNotAllowed("TRACK").toBody());
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOW}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    return;
  }
  socket.end(`HTTP/1.1 ${CLIENT_ERROR_STATUS[error.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\n\r\n`);
}

const CLIENT_ERROR_STATUS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  HPE_CHUNK_EXTENSIONS_OVERFLOW: "413 Payload Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};
