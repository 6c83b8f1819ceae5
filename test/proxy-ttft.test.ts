import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeMetrics } from "../lib/stream/metrics";
import { runRequest } from "../lib/run/run";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * The playground's own time-to-first-token figure (lib/client/run.ts + lib/stream/metrics.ts, as the page
 * computes it) for a paced local upstream, straight and through the proxy: the proxy must add
 * no more than noise. The upstream sends its headers at once, the first token after FIRST_MS,
 * then a token every STEP_MS; a proxy that held events back (buffering, compression, batching
 * until a timer) would show the first token hundreds of ms late. Loose bounds on purpose:
 * "the same order", not a benchmark (that is `npm run bench`, docs/benchmarks.md).
 */
const FIRST_MS = 150;
const STEP_MS = 25;
const TOKENS = 24;
const RUNS = 5;

let upstream: http.Server;
let upstreamUrl: string;
let server: NextServer;

const event = (content: string) =>
  `data: ${JSON.stringify({ id: "p", object: "chat.completion.chunk", created: 0, model: "paced", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.flushHeaders();
      let sent = 0;
      const next = () => {
        if (res.destroyed) return;
        if (sent === TOKENS) return void res.end("data: [DONE]\n\n");
        res.write(event(`t${sent++} `));
        setTimeout(next, STEP_MS);
      };
      setTimeout(next, FIRST_MS);
    });
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  server = await startNextServer({ OPENAI_BASE_URL: upstreamUrl, OPENAI_API_KEY: "sk-paced" });
});

afterAll(async () => {
  await server?.stop();
  await new Promise((r) => upstream?.close(r));
});

async function ttft(url: string): Promise<number> {
  const record = await runRequest({
    url,
    headers: { "content-type": "application/json", authorization: "Bearer sk-paced" },
    body: JSON.stringify({ model: "paced", stream: true, messages: [{ role: "user", content: "go" }] }),
    signal: new AbortController().signal,
    onChange: () => {},
  });
  expect(record.state).toBe("done");
  expect(record.choices[0]?.text).toBe(Array.from({ length: TOKENS }, (_, i) => `t${i} `).join(""));
  const { ttftMs } = computeMetrics(record);
  if (ttftMs === null) throw new Error("no TTFT recorded");
  return ttftMs;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

describe("time to first token through the proxy", () => {
  it("is the same order as straight from the upstream", async () => {
    const direct: number[] = [];
    const proxied: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      direct.push(await ttft(`${upstreamUrl}/chat/completions`));
      proxied.push(await ttft(`${server.url}/api/proxy/openai/chat/completions`));
    }
    const [d, p] = [median(direct), median(proxied)];
    expect(d).toBeGreaterThanOrEqual(FIRST_MS * 0.9);
    expect(p, `direct ${direct.join(", ")}; proxied ${proxied.join(", ")}`).toBeGreaterThanOrEqual(d * 0.5);
    expect(p, `direct ${direct.join(", ")}; proxied ${proxied.join(", ")}`).toBeLessThan(d * 2);
  });
});
