/**
 * `npm run bench [-- --only proxy,browser,local] [--cpu-prof]`: every benchmark of docs/benchmarks.md
 * in one run, each against its reference, printed as short tables and appended to docs/benchmarks.md
 * with the machine and the date. Builds the production app into .next-bench first
 * (BENCH_SKIP_BUILD=1 reuses it). `--cpu-prof` profiles the app's server during the proxy
 * benchmark and adds where its CPU time went.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { benchMarkdown, runLocalBench } from "../lib/local/bench";
import { coldStart, FIRST_LOAD_BUDGET_KB, launch, pageWeight, renderTable, weightTable } from "./bench/browser";
import { compareRender, naiveVersusBatched, pacedMarkdown, pacedTokens, playgroundRender } from "./bench/render";
import { summarizeProfile } from "./bench/cpu-profile";
import { proxyTable, runProxyBench, startApp, stop } from "./bench/proxy";
import { fmt, summarize } from "./bench/stats";

const DIST = ".next-bench";

/** Other gateways' own published overheads, for context only: other machines, other methods. */
const PUBLISHED_GATEWAY_FIGURES = [
  "For context, figures other gateways publish (their machines and methods, not comparable one to one):",
  "- LiteLLM proxy, 2 instances at ~1,035 req/s against a fake OpenAI endpoint: overhead median 12 ms, p95 29 ms, p99 43 ms; 4 instances: median 2 ms, p99 13 ms (https://docs.litellm.ai/docs/benchmarks).",
  "- LiteLLM proxy: “adds 0.00325 seconds latency” against the raw OpenAI API (https://docs.litellm.ai/docs/proxy/perf).",
  "- MLflow AI Gateway: “latency additions in the single-digit-to-tens-of-milliseconds range”, an example response showing 3 ms (https://mlflow.org/docs/latest/genai/governance/ai-gateway/benchmarks/).",
  "- llm-gateway-bench, sequential requests on localhost against a mock upstream: Bifrost +0.62 ms, Portkey OSS +2.65 ms median (https://github.com/cuihuan/llm-gateway-bench, data/overhead.json).",
];
process.env.NEXT_DIST_DIR = DIST;

const onlyAt = process.argv.indexOf("--only");
const only = new Set((onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? "") : "local,proxy,browser").split(","));
const started = Date.now();
const sections: string[] = [];

function section(title: string, lines: string[]) {
  const text = [`### ${title}`, "", ...lines, ""].join("\n");
  console.log(`\n${text}`);
  sections.push(text);
}

function machine(): string {
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain"], { encoding: "utf8" }).stdout.trim() !== "";
  const uname = execFileSync("uname", ["-srm"], { encoding: "utf8" }).trim();
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  return `${new Date().toISOString()} · ${uname} · ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · commit ${git}${dirty ? " (uncommitted changes)" : ""} · load average at start ${load}`;
}

const header = machine();

if (process.env.BENCH_SKIP_BUILD !== "1" || !existsSync(`${DIST}/BUILD_ID`)) {
  console.log(`Building into ${DIST}…`);
  const built = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  if (built.status !== 0) throw new Error("npm run build failed");
}

if (only.has("local")) {
  section("Local provider (LOCAL_MODEL_DELAY_MS=0, one process)", [
    "Targets: ≥ 50,000 tokens/s unconstrained, ≥ 5,000 tokens/s with guided_json, time to first streamed token < 5 ms at the median.",
    "",
    benchMarkdown(await runLocalBench()),
  ]);
}

if (only.has("proxy")) {
  const cpuProfDir = process.argv.includes("--cpu-prof") ? mkdtempSync(path.join(tmpdir(), "proxy-prof-")) : undefined;
  const res = await runProxyBench({ port: 3290, startServer: (port, env) => startApp(port, env, { cpuProfDir }) });
  const profile = cpuProfDir ? readdirSync(cpuProfDir).find((f) => f.endsWith(".cpuprofile")) : undefined;
  section("Proxy overhead (2,000 chunks a stream; direct, bare node:http pipe and /api/proxy/openai, rotating rounds)", [
    ...proxyTable(res),
    ...(cpuProfDir && profile
      ? [
          "",
          "The app's server under `node --cpu-prof` for the whole run above (streams and memory rounds):",
          "",
          ...summarizeProfile(path.join(cpuProfDir, profile)),
        ]
      : []),
    "",
    ...PUBLISHED_GATEWAY_FIGURES,
  ]);
}

if (only.has("browser")) {
  const port = 3291;
  const origin = `http://127.0.0.1:${port}`;
  const server = await startApp(port, { PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS: "1" });
  const browser = await launch();
  try {
    const weights = [];
    for (const route of ["/", "/compare", "/sweep"]) weights.push(await pageWeight(origin, DIST, route));
    const cold = summarize(await coldStart(browser, origin));
    section("Page weight and cold start (production build, Chromium)", [
      ...weightTable(weights, FIRST_LOAD_BUDGET_KB),
      "",
      `Cold load of / in a fresh context, navigation start to an enabled Send button: median ${fmt(cold.median, 0)} ms (p10 ${fmt(cold.p10, 0)}, p90 ${fmt(cold.p90, 0)}; ${cold.n} loads).`,
    ]);
    const render = [];
    const markdown = pacedMarkdown(20, 1_000);
    for (let i = 0; i < 2; i++) render.push(await playgroundRender(browser, origin, pacedTokens(20_000, 2_000)));
    for (let i = 0; i < 2; i++) render.push(await compareRender(browser, origin, 6, pacedTokens(10_000, 1_000)));
    for (let i = 0; i < 2; i++) render.push(await compareRender(browser, origin, 6, pacedTokens(10_000, 1_000, 100)));
    for (let i = 0; i < 2; i++) render.push(await compareRender(browser, origin, 6, markdown));
    const naive = [...(await naiveVersusBatched(browser, pacedTokens(20_000, 2_000))), ...(await naiveVersusBatched(browser, markdown, 6))];
    section("Streaming render (paced loopback upstream; the app's pages through the proxy)", [
      ...renderTable([...render, ...naive]),
      "",
      "Targets: no long task over 50 ms, ≥ 50 frames/s while streaming, final text within 100 ms of the last token, heap growth ≤ 2 × text + 2 MB (constant chosen here). The raw response view keeps every SSE event as received, so the heap is also set against text + events.",
      "The last four rows are two streams on a bare page built only by this benchmark, each rendered by a naive renderer (setState on every token, react-markdown parsing the whole text again each time) and by the app's way (one update a frame, the app's Markdown component: finished blocks memoized, only the growing one parsed again, code highlighted). The Markdown answer is e2e/fixtures/answer-shapes.ts's MARKDOWN_ANSWER (table, nested lists, task list, heading, Python code).",
    ]);
  } finally {
    await browser.close();
    await stop(server);
  }
}

if (!existsSync("docs/benchmarks.md"))
  writeFileSync("docs/benchmarks.md", "# Benchmarks\n\nWritten by `npm run bench`; each run is appended with its machine and date.\n");
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
appendFileSync("docs/benchmarks.md", `\n## Run of ${header}\n\nWall time ${minutes} min.\n\n${sections.join("\n")}`);
console.log(`\nAppended to docs/benchmarks.md (${minutes} min).`);
