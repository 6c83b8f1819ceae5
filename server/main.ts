/**
 * The app's server: `/api/proxy/*` on a plain node:http handler, everything else on Next's
 * request handler (Next's documented custom server, `next({ dev })` + `getRequestHandler()`).
 *
 * Why: Next spends ~2 ms of CPU on every request before a route's code runs, and streams a route
 * handler's body through web streams; for a proxy whose figure of merit is time to first token,
 * with compare and sweeps running many streams at once, that cost queued up behind itself. The
 * proxy's own policy is unchanged (lib/proxy), only its adapter is node's (docs/benchmarks.md).
 *
 * Built by `npm run build` into dist/server.mjs (scripts/build-server.mjs), so production needs
 * nothing but `node` and the runtime dependencies. Flags: `--dev` (Next's dev server),
 * `-H/--hostname` and `-p/--port` (else $HOSTNAME and $PORT, else 127.0.0.1:3000).
 */
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { installPeerStamp } from "../lib/net/peer";
import { answerClientError, createDispatcher } from "./dispatch";

const { values } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    hostname: { type: "string", short: "H" },
    port: { type: "string", short: "p" },
  },
});
const dev = values.dev ?? false;
const hostname = values.hostname ?? process.env.HOSTNAME ?? "127.0.0.1";
const port = Number(values.port ?? process.env.PORT ?? 3000);

// Before the first request, so every request carries its socket's address for the rate limit and
// the access-token throttle (instrumentation.ts does the same for Next; the two share one stamp).
installPeerStamp();
const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer(
  createDispatcher((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error("[server] Next could not answer:", error instanceof Error ? error.message : "unknown error");
      response.destroy();
    });
  }),
);
server.on("clientError", answerClientError);
server.listen(port, hostname, () => {
  console.log(`> Ready on http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port} (${dev ? "development" : "production"})`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
