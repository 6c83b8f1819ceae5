// The floor for the proxy benchmark: a bare node:http pipe with a keep-alive agent and no checks
// at all (no rate limit, access token, allow-list, keys, SSRF guard or idle timer). Run as its
// own process, as the app's server is: `node scripts/bench/bare-pipe.mjs <port> <upstream port>`.
import http from "node:http";

const [port, upstreamPort] = process.argv.slice(2).map(Number);
// As the app's pool: free sockets go before the upstream's 5 s keep-alive timeout closes them.
const agent = new http.Agent({ keepAlive: true, scheduling: "lifo", maxSockets: 256, timeout: 4000 });

http
  .createServer((req, res) => {
    const upstream = http.request(
      {
        host: "127.0.0.1",
        port: upstreamPort,
        path: `/v1/${req.url.split("/").slice(4).join("/")}`,
        method: req.method,
        headers: { "content-type": "application/json", authorization: req.headers.authorization ?? "" },
        agent,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { "content-type": up.headers["content-type"] ?? "application/octet-stream" });
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  })
  .listen(port, "127.0.0.1", () => console.log("ready"));
