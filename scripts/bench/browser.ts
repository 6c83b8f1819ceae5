/**
 * Browser-side figures, measured in Debian's Chromium against a production server: first-load
 * JavaScript per page, cold start, and streaming render (long tasks, frame rate, time from the
 * last token to the final text on screen, heap growth against the text's size).
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { type Browser, chromium, type Page } from "@playwright/test";
import { fmt, summarize } from "./stats";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium", args: ARGS });
}

export interface PageWeight {
  route: string;
  status: number;
  gzipKb: number;
  chunks: { file: string; gzipKb: number }[];
}

/** The JavaScript a page loads before it is interactive, gzipped (level 9) from the build. */
export async function pageWeight(origin: string, distDir: string, route: string): Promise<PageWeight> {
  const res = await fetch(`${origin}${route}`);
  const html = await res.text();
  // Every chunk the HTML names (script tags, preloads, the RSC payload's client references), but
  // not the `noModule` polyfills, which browsers with ES modules never download.
  const noModule = new Set([...html.matchAll(/<script[^>]*src="\/_next\/(static\/[^"]+?\.js)"[^>]*noModule/gi)].map((m) => m[1] ?? ""));
  const files = [...new Set([...html.matchAll(/\/_next\/(static\/[^"'\s\\]+?\.js)/g)].map((m) => m[1] ?? ""))].filter((f) => !noModule.has(f));
  const chunks = files.map((file) => ({ file, gzipKb: gzipSync(readFileSync(`${distDir}/${file}`), { level: 9 }).length / 1024 }));
  chunks.sort((a, b) => b.gzipKb - a.gzipKb);
  return { route, status: res.status, gzipKb: chunks.reduce((s, c) => s + c.gzipKb, 0), chunks };
}

/** Cold load in a fresh context: navigation start to the Send button being enabled (hydrated). */
export async function coldStart(browser: Browser, origin: string, samples = 5): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(origin, { waitUntil: "commit" });
    await page.getByRole("button", { name: "Send", exact: true }).waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Send", exact: true }).and(page.locator(":enabled")).waitFor();
    out.push((await page.evaluate("performance.now()")) as number);
    await context.close();
  }
  return out;
}

/** An OpenAI-style upstream streaming `tokens` chunks at `rate` per second; records when the last left. */
export async function startPacedUpstream(tokens: number, rate: number) {
  let lastSentAt = 0;
  let bytesSent = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (!req.url?.endsWith("/chat/completions")) {
        res.writeHead(200, { "content-type": "application/json" }).end('{"object":"list","data":[]}');
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream" });
      const event = (delta: string, finish: string | null) =>
        `data: ${JSON.stringify({ id: "b", object: "chat.completion.chunk", created: 0, model: "paced", choices: [{ index: 0, delta: { content: delta }, finish_reason: finish }] })}\n\n`;
      const started = performance.now();
      let sent = 0;
      const tick = () => {
        const due = Math.min(tokens, Math.floor(((performance.now() - started) / 1000) * rate));
        let out = "";
        for (; sent < due; sent++) out += event(`w${sent % 97} `, null);
        if (out) {
          bytesSent += Buffer.byteLength(out);
          res.write(out);
        }
        if (sent < tokens) return void setTimeout(tick, 5);
        lastSentAt = Date.now();
        res.end(`${event("", "stop")}data: [DONE]\n\n`);
      };
      tick();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const finalText = Array.from({ length: tokens }, (_, i) => `w${i % 97} `).join("");
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    finalText,
    lastSentAt: () => lastSentAt,
    bytesSent: () => bytesSent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RenderResult {
  tokens: number;
  rate: number;
  longTasks: number;
  maxLongTaskMs: number;
  fpsMedian: number;
  worstFrameMs: number;
  finalTextLagMs: number;
  heapGrowthKb: number;
  textKb: number;
  /** The SSE bytes received, which the raw response view keeps as events. */
  streamKb: number;
}

/**
 * In-page instruments, installed before Send: long tasks, frame times, and when the final text
 * shows. A string, not a function: tsx's helpers (`__name`) do not exist inside the page.
 */
function instrument(page: Page, expectedLength: number) {
  return page.evaluate(`(() => {
    const b = { longTasks: [], frames: [], doneAt: 0, stop: false };
    window.__bench = b;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push(e.duration); }).observe({ type: "longtask" });
    let last = performance.now();
    const frame = (t) => { b.frames.push(t - last); last = t; if (!b.stop) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    const conversation = document.querySelector('[aria-label="Conversation"]') || document.body;
    const check = () => {
      if (b.doneAt) return;
      const answers = conversation.querySelectorAll('article[aria-label="assistant"]');
      const text = answers.length ? answers[answers.length - 1].textContent || "" : "";
      if (text.replace(/\\s+/g, "").length >= ${expectedLength}) b.doneAt = Date.now();
    };
    new MutationObserver(check).observe(conversation, { subtree: true, childList: true, characterData: true });
  })()`);
}

interface Instruments {
  longTasks: number[];
  frames: number[];
  doneAt: number;
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

/** One playground column streaming `tokens` at `rate` tokens/s from a paced loopback upstream. */
export async function renderBench(browser: Browser, origin: string, tokens: number, rate: number): Promise<RenderResult> {
  const upstream = await startPacedUpstream(tokens, rate);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(origin);
    await page.getByRole("combobox", { name: "Provider", exact: true }).selectOption("custom");
    await page.getByLabel("Base URL", { exact: true }).fill(upstream.baseUrl);
    await page.getByRole("combobox", { name: "Model", exact: true }).fill("paced");
    await page.getByLabel("stream", { exact: true }).check();
    await page.getByRole("textbox", { name: "Message", exact: true }).fill("Stream please");
    const before = await heapUsed(page);
    const expected = upstream.finalText.replace(/\s+/g, "").length;
    await instrument(page, expected);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.waitForFunction("window.__bench.doneAt > 0", undefined, { timeout: (tokens / rate) * 1000 + 60_000, polling: 100 });
    const b = (await page.evaluate("(() => { window.__bench.stop = true; return window.__bench; })()")) as Instruments;
    await page.getByRole("button", { name: "Send", exact: true }).waitFor();
    const after = await heapUsed(page);
    const frames = b.frames.slice(5);
    const fps = summarize(frames.map((f) => 1000 / f));
    return {
      tokens,
      rate,
      longTasks: b.longTasks.length,
      maxLongTaskMs: Math.max(0, ...b.longTasks),
      fpsMedian: fps.median,
      worstFrameMs: Math.max(0, ...frames),
      finalTextLagMs: b.doneAt - upstream.lastSentAt(),
      heapGrowthKb: (after - before) / 1024,
      textKb: Buffer.byteLength(upstream.finalText) / 1024,
      streamKb: upstream.bytesSent() / 1024,
    };
  } finally {
    await context.close();
    await upstream.close();
  }
}

const met = (ok: boolean) => (ok ? "met" : "**not met**");

export function weightTable(weights: PageWeight[], budgetKb: number): string[] {
  const lines = ["| page | first-load JS (gzip) | budget | status | largest chunks (KB) |", "| --- | --- | --- | --- | --- |"];
  for (const w of weights) {
    if (w.status !== 200) {
      lines.push(`| ${w.route} | – | – | not measured: HTTP ${w.status} | |`);
      continue;
    }
    const budget = w.route === "/" ? budgetKb : null;
    const top = w.chunks
      .slice(0, 4)
      .map((c) => fmt(c.gzipKb, 1))
      .join(", ");
    lines.push(`| ${w.route} | ${fmt(w.gzipKb, 1)} KB | ${budget ? `≤ ${budget} KB` : "–"} | ${budget ? met(w.gzipKb <= budget) : "–"} | ${top} |`);
  }
  return lines;
}

export function renderTable(results: RenderResult[]): string[] {
  const lines = [
    "| scenario | long tasks (max ms) | fps median (worst frame ms) | final text after last token | heap growth | vs 2 × text + 2 MB | vs 2 × (text + raw events) + 2 MB |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const heapOk = r.heapGrowthKb <= 2 * r.textKb + 2048;
    const heapWithEventsOk = r.heapGrowthKb <= 2 * (r.textKb + r.streamKb) + 2048;
    lines.push(
      `| 1 column, ${r.tokens.toLocaleString("en-US")} tokens at ${r.rate}/s | ${r.longTasks} (${fmt(r.maxLongTaskMs, 0)}) ${met(r.maxLongTaskMs <= 50)} | ${fmt(r.fpsMedian, 0)} (${fmt(r.worstFrameMs, 0)}) ${met(r.fpsMedian >= 50)} | ${fmt(r.finalTextLagMs, 0)} ms ${met(r.finalTextLagMs <= 100)} | ${fmt(r.heapGrowthKb, 0)} KB | ${fmt(r.textKb, 0)} KB of text: ${met(heapOk)} | ${fmt(r.streamKb, 0)} KB of events: ${met(heapWithEventsOk)} |`,
    );
  }
  return lines;
}
