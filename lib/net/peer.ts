import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/**
 * The address of the TCP peer, carried from the socket to route handlers and proxy.ts.
 *
 * Next 16 gives those no socket, only headers, and `next start` fills X-Forwarded-For from the
 * socket only when the client sent none (`??=` in next/dist/server/base-server.js): a client that
 * sends its own header picks its own address. So the server stamps every request with
 * `x-playground-peer: <nonce> <address>` before any handler sees it, overwriting whatever the
 * client sent. The stamp comes from Node's `http.server.request.start` diagnostics channel
 * (published for every request of every node:http server in the process, before its 'request'
 * listeners run), subscribed once from instrumentation.ts; a custom server may also call
 * `stampPeer` itself. The nonce is random per process, so a header a client forged (on a request
 * that arrived before the subscription, or on a server that never stamps) is ignored.
 *
 * State lives on globalThis: Next bundles proxy.ts and each route separately, and all of them
 * must see the same nonce.
 */
export const PEER_HEADER = "x-playground-peer";
const NONCE = Symbol.for("llm-playground.peer-nonce");
type WithNonce = typeof globalThis & { [NONCE]?: string };

const currentNonce = (): string | undefined => (globalThis as WithNonce)[NONCE];

export function stampPeer(request: IncomingMessage): void {
  const nonce = currentNonce();
  if (nonce === undefined) return;
  request.headers[PEER_HEADER] = `${nonce} ${request.socket.remoteAddress ?? ""}`;
}

/** Idempotent: `next dev` may run instrumentation more than once in one process. */
export function installPeerStamp(): void {
  const global = globalThis as WithNonce;
  if (global[NONCE] !== undefined) return;
  global[NONCE] = randomBytes(18).toString("base64url");
  subscribe("http.server.request.start", (message) => stampPeer((message as { request: IncomingMessage }).request));
}

/** The socket address the server stamped, or null when the request carries no valid stamp. */
export function peerAddress(headers: Headers): string | null {
  const nonce = currentNonce();
  const stamp = headers.get(PEER_HEADER);
  if (nonce === undefined || stamp === null) return null;
  const space = stamp.indexOf(" ");
  if (space === -1) return null;
  const given = Buffer.from(stamp.slice(0, space));
  const expected = Buffer.from(nonce);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const address = stamp.slice(space + 1);
  return address === "" ? null : address;
}
