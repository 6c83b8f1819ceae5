import os from "node:os";

/**
 * This machine's first non-loopback IPv4 address: a connection from it to 127.0.0.1 reaches the
 * server with that address on the socket, which is how a test plays a remote client while every
 * server still listens on 127.0.0.1 only.
 */
export function nonLoopbackAddress(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  throw new Error("This test plays a remote client and needs a non-loopback IPv4 address on this machine to connect from.");
}
