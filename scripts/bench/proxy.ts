/**
 * Proxy overhead: the same streamed answer fetched straight from a loopback upstream and through
 * `/api/proxy/openai/...` of a production server, alternating, at 1, 20 and 100 concurrent streams.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fmt, summarize } from "./stats";

const CHUNKS = 2000;
const BODY = JSON.stringify({ model: "bench", messages: [{ role: "user", content: "go" }], stream: true });

function startUpstream(): Promise<http.Server> {
  const chunk = (i: number) => `data: {"id":"b","object":"chat.completion.chunk","created":0,"model":"bench","choices":[{"index":0,"delta":{"content":"t${i} "},"finish_reason":null}]}\n\n`;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.endsWith("/chat/completions") && req.method === "POST") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        let i = 0;
        const pump = () => {
          // Bursts of 50 per macrotask: many separate writes, as a real token stream makes.
          for (let k = 0; k < 50 && i < CHUNKS; k++, i++) res.write(chunk(i));
          if (i < CHUNKS) setImmediate(pump);
          else res.end("data: [DONE]\n\n");
        };
        pump();
      } else {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"object":"list","data":[]}');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** A production server of the build in NEXT_DIST_DIR (default .next), with `env` on top. */
export async function startNext(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: "ignore",
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("next start did not answer /api/health within 60 s (is there a build in NEXT_DIST_DIR?)");
}

interface One {
  ttfb: number;
  total: number;
  bytes: number;
  hash: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function once(url: string, body = BODY): Promise<One> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttfb = -1;
    const hash = createHash("sha256");
    let bytes = 0;
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", authorization: "Bearer bench-key" } }, (res) => {
      res.on("data", (d: Buffer) => {
        if (ttfb < 0) ttfb = performance.now() - t0;
        bytes += d.length;
        hash.update(d);
      });
      res.on("end", () => resolve({ ttfb, total: performance.now() - t0, bytes, hash: hash.digest("hex") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function round(url: string, n: number): Promise<{ results: One[]; wall: number }> {
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: n }, () => once(url)));
  return { results, wall: performance.now() - t0 };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export interface ProxyBenchRow {
  concurrency: number;
  ttfbAddedMedian: number;
  ttfbAddedP99: number;
  throughputRatio: number;
  identical: boolean;
}

export async function runProxyBench(opts: { rounds?: number; port?: number; memoryRequests?: number } = {}) {
  const rounds = opts.rounds ?? 6;
  const port = opts.port ?? 3290;
  const upstream = await startUpstream();
  const upPort = (upstream.address() as AddressInfo).port;
  const direct = `http://127.0.0.1:${upPort}/v1/chat/completions`;
  const next = await startNext(port, { OPENAI_BASE_URL: `http://127.0.0.1:${upPort}/v1`, OPENAI_API_KEY: "bench-key" });
  const proxied = `http://127.0.0.1:${port}/api/proxy/openai/chat/completions`;
  const rows: ProxyBenchRow[] = [];
  try {
    await round(proxied, 5); // warm-up: route compilation, JIT
    await round(direct, 5);
    for (const n of [1, 20, 100]) {
      const d: One[] = [];
      const p: One[] = [];
      let dWall = 0;
      let pWall = 0;
      for (let r = 0; r < rounds; r++) {
        // Alternate which goes first so drift on a shared machine hits both alike.
        const order = r % 2 === 0 ? ["d", "p"] : ["p", "d"];
        for (const which of order) {
          const res = await round(which === "d" ? direct : proxied, n);
          if (which === "d") { d.push(...res.results); dWall += res.wall; } else { p.push(...res.results); pWall += res.wall; }
        }
      }
      const dT = summarize(d.map((x) => x.ttfb));
      const pT = summarize(p.map((x) => x.ttfb));
      const bytesD = d.reduce((s, x) => s + x.bytes, 0);
      const bytesP = p.reduce((s, x) => s + x.bytes, 0);
      const identical = new Set([...d, ...p].map((x) => x.hash)).size === 1;
      rows.push({
        concurrency: n,
        ttfbAddedMedian: pT.median - dT.median,
        ttfbAddedP99: pT.p99 - dT.p99,
        throughputRatio: bytesP / pWall / (bytesD / dWall),
        identical,
      });
    }
    const memory = await memoryRun(next.pid ?? 0, port, opts.memoryRequests ?? 10_000);
    return { rows, memory };
  } finally {
    next.kill();
    upstream.close();
    agent.destroy();
  }
}

async function memoryRun(pid: number, port: number, total: number) {
  const url = `http://127.0.0.1:${port}/api/proxy/openai/chat/completions`;
  const small = JSON.stringify({ model: "bench", messages: [{ role: "user", content: "go" }] });
  const batch = async (count: number) => {
    for (let i = 0; i < count; i += 20) await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => once(url, small)));
  };
  await batch(1000);
  global.gc?.();
  const before = rssMb(pid);
  await batch(total);
  await new Promise((r) => setTimeout(r, 1000));
  const after = rssMb(pid);
  return { requests: total, rssBeforeMb: before, rssAfterMb: after, growthMb: after - before };
}

export function proxyTable(res: Awaited<ReturnType<typeof runProxyBench>>): string[] {
  const lines = ["| streams | added TTFB median (ms) | added TTFB p99 (ms) | throughput proxy/direct | identical bytes |", "| --- | --- | --- | --- | --- |"];
  for (const r of res.rows) {
    lines.push(`| ${r.concurrency} | ${fmt(r.ttfbAddedMedian)} | ${fmt(r.ttfbAddedP99)} | ${fmt(r.throughputRatio, 3)} | ${r.identical ? "yes" : "NO"} |`);
  }
  const m = res.memory;
  lines.push("", `Server RSS over ${m.requests} proxied requests: ${fmt(m.rssBeforeMb, 1)} MB → ${fmt(m.rssAfterMb, 1)} MB (growth ${fmt(m.growthMb, 1)} MB; target < 20 MB).`);
  return lines;
}
