/**
 * Proxy overhead: the same streamed answer fetched straight from a loopback upstream, through a
 * bare node:http pipe (the floor: scripts/bench/bare-pipe.mjs) and through `/api/proxy/openai/...`
 * of the app's production server, alternating, at 1, 20 and 100 concurrent streams; then the
 * server's RSS over three rounds of proxied requests, after a forced GC at each end.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fmt, type Summary, summarize } from "./stats";

const CHUNKS = 2000;
const STREAM_BODY = JSON.stringify({ model: "bench", messages: [{ role: "user", content: "go" }], stream: true });
const SMALL_BODY = JSON.stringify({ model: "bench", messages: [{ role: "user", content: "go" }] });
const COMPLETION = JSON.stringify({
  id: "b",
  object: "chat.completion",
  created: 0,
  model: "bench",
  choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" }],
});

function startUpstream(): Promise<http.Server> {
  const chunk = (i: number) =>
    `data: {"id":"b","object":"chat.completion.chunk","created":0,"model":"bench","choices":[{"index":0,"delta":{"content":"t${i} "},"finish_reason":null}]}\n\n`;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      if (!req.url?.endsWith("/chat/completions") || req.method !== "POST") {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end('{"object":"list","data":[]}');
      }
      if (!body.includes('"stream":true')) {
        res.writeHead(200, { "content-type": "application/json" });
        return void res.end(COMPLETION);
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      let i = 0;
      const pump = () => {
        // Bursts of 50 per macrotask: many separate writes, as a real token stream makes.
        for (let k = 0; k < 50 && i < CHUNKS; k++, i++) res.write(chunk(i));
        if (i < CHUNKS) setImmediate(pump);
        else res.end("data: [DONE]\n\n");
      };
      pump();
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function waitForHealth(child: ChildProcess, url: string, what: string): Promise<ChildProcess> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${what} did not answer ${url} within 60 s`);
}

export interface AppServerOptions {
  /** Write a V8 CPU profile of the server into this folder when it exits (`node --cpu-prof`). */
  cpuProfDir?: string;
}

/**
 * The app's production server (`npm start`'s dist/server.mjs) on the build in NEXT_DIST_DIR, with
 * `env` on top, and `--expose-gc` plus a SIGUSR2 hook so memory can be read after a full GC.
 */
export function startApp(port: number, env: Record<string, string>, options: AppServerOptions = {}): Promise<ChildProcess> {
  const prof = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const args = [
    "--expose-gc",
    "--import",
    "./scripts/bench/gc-on-signal.mjs",
    ...prof,
    "dist/server.mjs",
    "-H",
    "127.0.0.1",
    "-p",
    String(port),
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, NODE_ENV: "production", ...env }, stdio: "ignore" });
  return waitForHealth(child, `http://127.0.0.1:${port}/api/health`, "the app's server (is there a build? npm run build)");
}

function startBarePipe(port: number, upstreamPort: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["scripts/bench/bare-pipe.mjs", String(port), String(upstreamPort)], { stdio: "ignore" });
  return waitForHealth(child, `http://127.0.0.1:${port}/api/proxy/openai/models`, "the bare pipe");
}

/** Stops a server and waits for it to exit (a CPU profile is written on exit). */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}

interface One {
  ttfb: number;
  total: number;
  bytes: number;
  hash: string;
}

// Free sockets go after 4 s, before the servers' 5 s keep-alive timeout closes them under a reuse.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512, timeout: 4000 });

function once(url: string, body = STREAM_BODY): Promise<One> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttfb = -1;
    const hash = createHash("sha256");
    let bytes = 0;
    const req = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", authorization: "Bearer bench-key" } },
      (res) => {
        res.on("data", (d: Buffer) => {
          if (ttfb < 0) ttfb = performance.now() - t0;
          bytes += d.length;
          hash.update(d);
        });
        res.on("end", () => resolve({ ttfb, total: performance.now() - t0, bytes, hash: hash.digest("hex") }));
        res.on("error", (e) => reject(new Error(`${url}: ${e.message}`)));
      },
    );
    req.on("error", (e) => reject(new Error(`${url}: ${e.message}`)));
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

const VARIANTS = ["direct", "bare", "proxy"] as const;
type Variant = (typeof VARIANTS)[number];

interface Sample {
  ttfb: Summary;
  bytes: number;
  wall: number;
  hashes: Set<string>;
}

export interface ProxyBenchRow {
  concurrency: number;
  /** TTFB of the direct fetch (the reference), median and p99. */
  direct: Summary;
  /** Added TTFB over direct, median and p99, and throughput over direct's, per relay. */
  bare: { addedMedian: number; addedP99: number; throughput: number };
  proxy: { addedMedian: number; addedP99: number; throughput: number };
  /** Every response of every variant had the very bytes of the direct one. */
  identical: boolean;
}

function measure(samples: Record<Variant, One[]>, walls: Record<Variant, number>): Record<Variant, Sample> {
  const out = {} as Record<Variant, Sample>;
  for (const v of VARIANTS) {
    out[v] = {
      ttfb: summarize(samples[v].map((x) => x.ttfb)),
      bytes: samples[v].reduce((s, x) => s + x.bytes, 0),
      wall: walls[v],
      hashes: new Set(samples[v].map((x) => x.hash)),
    };
  }
  return out;
}

function row(n: number, m: Record<Variant, Sample>): ProxyBenchRow {
  const rate = (v: Variant) => m[v].bytes / m[v].wall;
  const relay = (v: Variant) => ({
    addedMedian: m[v].ttfb.median - m.direct.ttfb.median,
    addedP99: m[v].ttfb.p99 - m.direct.ttfb.p99,
    throughput: rate(v) / rate("direct"),
  });
  const [reference] = [...m.direct.hashes];
  const identical = VARIANTS.every((v) => m[v].hashes.size === 1 && m[v].hashes.has(reference ?? ""));
  return { concurrency: n, direct: m.direct.ttfb, bare: relay("bare"), proxy: relay("proxy"), identical };
}

export interface ProxyBenchOptions {
  rounds?: number;
  port?: number;
  memoryRequests?: number;
  memoryRounds?: number;
  /** Concurrent streams per level (default 1, 20 and 100). */
  levels?: number[];
  /** How to start the server under test; the app's own by default (another build, for a before/after). */
  startServer?: (port: number, env: Record<string, string>) => Promise<ChildProcess>;
}

export async function runProxyBench(opts: ProxyBenchOptions = {}) {
  const rounds = opts.rounds ?? 6;
  const port = opts.port ?? 3290;
  const upstream = await startUpstream();
  const upPort = (upstream.address() as AddressInfo).port;
  const env = { OPENAI_BASE_URL: `http://127.0.0.1:${upPort}/v1`, OPENAI_API_KEY: "bench-key" };
  const app = await (opts.startServer ?? startApp)(port, env);
  const bare = await startBarePipe(port + 10, upPort);
  const urls: Record<Variant, string> = {
    direct: `http://127.0.0.1:${upPort}/v1/chat/completions`,
    bare: `http://127.0.0.1:${port + 10}/api/proxy/openai/chat/completions`,
    proxy: `http://127.0.0.1:${port}/api/proxy/openai/chat/completions`,
  };
  const rows: ProxyBenchRow[] = [];
  try {
    for (const v of VARIANTS) await round(urls[v], 5); // warm-up: JIT, connection pools
    for (const n of opts.levels ?? [1, 20, 100]) {
      const samples: Record<Variant, One[]> = { direct: [], bare: [], proxy: [] };
      const walls: Record<Variant, number> = { direct: 0, bare: 0, proxy: 0 };
      for (let r = 0; r < rounds; r++) {
        // Rotate which goes first so drift on a shared machine hits all alike.
        for (let k = 0; k < VARIANTS.length; k++) {
          const v = VARIANTS[(r + k) % VARIANTS.length] as Variant;
          // One stream at a time is too short a round to time alone: 10 in a row make one.
          const repeat = n === 1 ? 10 : 1;
          for (let i = 0; i < repeat; i++) {
            const res = await round(urls[v], n);
            samples[v].push(...res.results);
            walls[v] += res.wall;
          }
        }
      }
      rows.push(row(n, measure(samples, walls)));
    }
    const memory = await memoryRun(app, urls.proxy, opts.memoryRequests ?? 10_000, opts.memoryRounds ?? 3);
    return { rows, memory };
  } finally {
    await Promise.all([stop(app), stop(bare)]);
    upstream.close();
    agent.destroy();
  }
}

async function rssAfterGc(child: ChildProcess): Promise<number> {
  for (let i = 0; i < 2; i++) {
    child.kill("SIGUSR2");
    await new Promise((r) => setTimeout(r, 500));
  }
  return rssMb(child.pid ?? 0);
}

async function memoryRun(app: ChildProcess, url: string, perRound: number, rounds: number) {
  const batch = async (count: number) => {
    for (let i = 0; i < count; i += 20) await Promise.all(Array.from({ length: Math.min(20, count - i) }, () => once(url, SMALL_BODY)));
  };
  await batch(1000);
  const rss = [await rssAfterGc(app)];
  for (let r = 0; r < rounds; r++) {
    await batch(perRound);
    rss.push(await rssAfterGc(app));
  }
  const growth = (rss.at(-1) ?? 0) - (rss[0] ?? 0);
  const perRoundGrowth = rss.slice(1).map((x, i) => x - (rss[i] ?? 0));
  return { perRound, rounds, rss, growthMb: growth, perRoundGrowth };
}

export interface Verdicts {
  oneStream: boolean;
  concurrentTtfb: boolean;
  throughput: boolean;
  identical: boolean;
  memory: boolean;
  noTrend: boolean;
}

/** The targets, judged on one run: every figure is against the same run's references. */
export function verdicts(res: Awaited<ReturnType<typeof runProxyBench>>): Verdicts {
  const one = res.rows.find((r) => r.concurrency === 1);
  const many = res.rows.filter((r) => r.concurrency > 1);
  const lastDeltas = res.memory.perRoundGrowth.slice(1);
  return {
    oneStream: one !== undefined && one.proxy.addedMedian <= 1.5 && one.proxy.addedP99 <= 3,
    concurrentTtfb: many.every((r) => r.proxy.addedMedian <= 1.5 * Math.max(r.bare.addedMedian, 0.5)),
    throughput: many.every((r) => r.proxy.throughput >= 0.95 || r.proxy.throughput >= r.bare.throughput - 0.03),
    identical: res.rows.every((r) => r.identical),
    memory: res.memory.growthMb < 20,
    noTrend: lastDeltas.every((d) => d < 3),
  };
}

export function proxyTable(res: Awaited<ReturnType<typeof runProxyBench>>): string[] {
  const lines = [
    "| streams | direct TTFB p50 / p99 (ms) | added TTFB p50 / p99, bare pipe | added TTFB p50 / p99, app proxy | throughput vs direct, bare / proxy | identical bytes |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of res.rows) {
    lines.push(
      `| ${r.concurrency} | ${fmt(r.direct.median)} / ${fmt(r.direct.p99)} | ${fmt(r.bare.addedMedian)} / ${fmt(r.bare.addedP99)} | ${fmt(r.proxy.addedMedian)} / ${fmt(r.proxy.addedP99)} | ${fmt(r.bare.throughput, 3)} / ${fmt(r.proxy.throughput, 3)} | ${r.identical ? "yes" : "NO"} |`,
    );
  }
  const m = res.memory;
  const rss = m.rss.map((x) => fmt(x, 1)).join(" → ");
  lines.push(
    "",
    `Server RSS after a forced GC, at the start and after each of ${m.rounds} rounds of ${m.perRound.toLocaleString("en")} proxied requests: ${rss} MB (growth ${fmt(m.growthMb, 1)} MB; per round ${m.perRoundGrowth.map((d) => fmt(d, 1)).join(", ")} MB).`,
  );
  const v = verdicts(res);
  const met = (ok: boolean) => (ok ? "met" : "**not met**");
  lines.push(
    "",
    `Targets: 1 stream added TTFB ≤ 1.5 ms p50 and ≤ 3 ms p99 (${met(v.oneStream)}); 20 and 100 streams added TTFB ≤ 1.5× the bare pipe's, that floored at 0.5 ms (${met(v.concurrentTtfb)}), throughput ≥ 0.95 of direct or within 0.03 of the bare pipe's (${met(v.throughput)}); identical bytes (${met(v.identical)}); RSS growth < 20 MB (${met(v.memory)}) with no trend over the rounds (${met(v.noTrend)}).`,
  );
  return lines;
}
