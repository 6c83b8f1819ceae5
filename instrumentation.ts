/**
 * Runs once when the server starts (Next's instrumentation hook). It stamps every request with
 * the socket's address, which route handlers and proxy.ts otherwise cannot see: the rate limit
 * and the access-token throttle key on it (lib/net/peer.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerStamp } = await import("./lib/net/peer");
  installPeerStamp();
}
