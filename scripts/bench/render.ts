/**
 * Streaming render, measured with the browser's own instruments (long tasks, frame times, a
 * MutationObserver for the final text, the heap after a forced GC): one playground column, six
 * compare columns, and a naive renderer against the batched one, all fed by a paced loopback
 * upstream.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { build } from "esbuild";
import { MARKDOWN_ANSWER } from "../../e2e/fixtures/answer-shapes";
import { summarize } from "./stats";

export interface RenderResult {
  scenario: string;
  longTasks: number;
  maxLongTaskMs: number;
  fpsMedian: number;
  worstFrameMs: number;
  finalTextLagMs: number;
  heapGrowthKb: number;
  textKb: number;
  /** The SSE bytes received, which the raw response view keeps as events. */
  streamKb: number;
  /**
   * CPU time of the page's main thread from Send to the final text (Chromium's ThreadTime): the
   * work a renderer costs, which on a busy machine stays comparable where frame times do not.
   */
  cpuMs: number;
}

/** What a paced upstream streams: its pieces (one delta each), how many a second, and a name for the table. */
export interface PacedStream {
  pieces: string[];
  rate: number;
  label: string;
  /**
   * Rendered text that shows the answer is complete, counted in each answer with whitespace
   * removed; without it an answer is complete when it holds as many non-space characters as the
   * text streamed (true of plain text, not of Markdown, whose markers are not shown).
   */
  doneMarker?: { text: string; count: number };
}

/** `tokens` tokens at `rate` a second; with `paragraph` > 0 a blank line ends every that many tokens, as answers have. */
export function pacedTokens(tokens: number, rate: number, paragraph = 0): PacedStream {
  const token = (i: number) => (paragraph > 0 && i % paragraph === paragraph - 1 ? `w${i % 97}\n\n` : `w${i % 97} `);
  const shape = paragraph > 0 ? `paragraphs of ${paragraph} tokens` : "one paragraph";
  return {
    pieces: Array.from({ length: tokens }, (_, i) => token(i)),
    rate,
    label: `${tokens.toLocaleString("en-US")} tokens at ${rate}/s, ${shape}`,
  };
}

/** Delta sizes in characters: uneven, as real servers cut text (and as e2e/fixtures/scripted-upstream.ts does). */
const MARKDOWN_DELTA_SIZES = [3, 1, 7, 2, 11, 5, 1, 4];

/** The e2e Markdown answer (table, nested lists, heading, code) `repeat` times, cut into uneven deltas. */
export function pacedMarkdown(repeat: number, rate: number): PacedStream {
  const chars = Array.from(Array.from({ length: repeat }, () => MARKDOWN_ANSWER).join("\n\n"));
  const pieces: string[] = [];
  for (let i = 0, k = 0; i < chars.length; k++) {
    const n = MARKDOWN_DELTA_SIZES[k % MARKDOWN_DELTA_SIZES.length] ?? 1;
    pieces.push(chars.slice(i, i + n).join(""));
    i += n;
  }
  const last = MARKDOWN_ANSWER.split("\n").at(-1) ?? "";
  return {
    pieces,
    rate,
    label: `the Markdown answer × ${repeat} (${pieces.length.toLocaleString("en-US")} uneven deltas) at ${rate}/s`,
    doneMarker: { text: last.replace(/\s+/g, ""), count: repeat },
  };
}

const chunk = (delta: string, finish: string | null) =>
  `data: ${JSON.stringify({ id: "b", object: "chat.completion.chunk", created: 0, model: "paced", choices: [{ index: 0, delta: { content: delta }, finish_reason: finish }] })}\n\n`;

type Extra = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/**
 * An OpenAI-style upstream: every POST to .../chat/completions streams the pieces, one chunk each,
 * at the stream's rate. Records when the last piece of the last stream left, and the bytes sent.
 */
export async function startPacedUpstream(stream: PacedStream, extra?: Extra) {
  const { pieces, rate } = stream;
  let lastSentAt = 0;
  let bytesSent = 0;
  const server = http.createServer((req, res) => {
    if (extra?.(req, res)) return;
    req.resume();
    req.on("end", () => {
      if (!req.url?.endsWith("/chat/completions")) {
        res.writeHead(200, { "content-type": "application/json" }).end('{"object":"list","data":[]}');
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const started = performance.now();
      let sent = 0;
      const tick = () => {
        const due = Math.min(pieces.length, Math.floor(((performance.now() - started) / 1000) * rate));
        let out = "";
        for (; sent < due; sent++) out += chunk(pieces[sent] ?? "", null);
        if (out) {
          bytesSent += Buffer.byteLength(out);
          res.write(out);
        }
        if (sent < pieces.length) return void setTimeout(tick, 5);
        lastSentAt = Math.max(lastSentAt, Date.now());
        res.end(`${chunk("", "stop")}data: [DONE]\n\n`);
      };
      tick();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}/v1`,
    stream,
    finalText: pieces.join(""),
    lastSentAt: () => lastSentAt,
    bytesSent: () => bytesSent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Instruments {
  longTasks: number[];
  frames: number[];
  doneAt: number;
}

/**
 * In-page instruments, installed before Send. `doneAt` is set when `count` answer articles each
 * hold the whole text (see `PacedStream.doneMarker`). A string, not a function: tsx's helpers
 * (`__name`) do not exist in the page.
 */
function instrument(page: Page, stream: PacedStream, count: number) {
  const marker = stream.doneMarker;
  const done = marker
    ? `(t) => t.split(${JSON.stringify(marker.text)}).length - 1 >= ${marker.count}`
    : `(t) => t.length >= ${stream.pieces.join("").replace(/\s+/g, "").length}`;
  return page.evaluate(`(() => {
    const b = { longTasks: [], frames: [], doneAt: 0, stop: false };
    window.__bench = b;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push(e.duration); }).observe({ type: "longtask" });
    let last = performance.now();
    const frame = (t) => { b.frames.push(t - last); last = t; if (!b.stop) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
    const check = () => {
      if (b.doneAt) return;
      const answers = [...document.querySelectorAll('article[aria-label="assistant"]')].map((a) => a.querySelector("[data-answer-text]") || a);
      const done = ${done};
      const full = answers.filter((a) => done((a.textContent || "").replace(/\\s+/g, "")));
      if (full.length >= ${count}) b.doneAt = Date.now();
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

/** A reader of the page's main-thread CPU time in ms (counted from when it was made, in thread ticks). */
async function threadClock(page: Page): Promise<{ read: () => Promise<number>; stop: () => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  return {
    read: async () => {
      const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
      return (metrics.find((m) => m.name === "ThreadTime")?.value ?? 0) * 1000;
    },
    stop: () => cdp.detach(),
  };
}

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

type Upstream = Awaited<ReturnType<typeof startPacedUpstream>>;

/** Installs the instruments, presses Send, waits for every answer, and reads the figures. */
async function measure(page: Page, scenario: string, upstream: Upstream, count: number, timeoutMs: number): Promise<RenderResult> {
  const before = await heapUsed(page);
  await instrument(page, upstream.stream, count);
  const clock = await threadClock(page);
  const cpuBefore = await clock.read();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.waitForFunction("window.__bench.doneAt > 0", undefined, { timeout: timeoutMs, polling: 100 });
  const cpuMs = (await clock.read()) - cpuBefore;
  await clock.stop();
  const b = (await page.evaluate("(() => { window.__bench.stop = true; return window.__bench; })()")) as Instruments;
  // The text can be complete before the stream's last event (finish_reason, [DONE]) has left.
  while (upstream.lastSentAt() === 0) await page.waitForTimeout(10);
  await page.waitForTimeout(300);
  const after = await heapUsed(page);
  const frames = b.frames.slice(5);
  return {
    scenario,
    longTasks: b.longTasks.length,
    maxLongTaskMs: Math.max(0, ...b.longTasks),
    fpsMedian: summarize(frames.map((f) => 1000 / f)).median,
    worstFrameMs: Math.max(0, ...frames),
    finalTextLagMs: b.doneAt - upstream.lastSentAt(),
    heapGrowthKb: (after - before) / 1024,
    textKb: (count * Buffer.byteLength(upstream.finalText)) / 1024,
    streamKb: upstream.bytesSent() / 1024,
    cpuMs,
  };
}

/** How long a stream takes at its rate, plus `slackMs` for a slow renderer to catch up. */
const streamMs = (stream: PacedStream, slackMs: number) => (stream.pieces.length / stream.rate) * 1000 + slackMs;

/** One playground column, streamed through the proxy from the paced upstream. */
export async function playgroundRender(browser: Browser, origin: string, stream: PacedStream): Promise<RenderResult> {
  const upstream = await startPacedUpstream(stream);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(origin);
    await page.getByRole("combobox", { name: "Provider", exact: true }).selectOption("custom");
    await page.getByLabel("Base URL", { exact: true }).fill(upstream.baseUrl);
    await page.getByRole("combobox", { name: "Model", exact: true }).fill("paced");
    await page.getByLabel("stream", { exact: true }).check();
    await page.getByRole("textbox", { name: "Message", exact: true }).fill("Stream please");
    return await measure(page, `playground, 1 column, ${stream.label}`, upstream, 1, streamMs(stream, 60_000));
  } finally {
    await context.close();
    await upstream.close();
  }
}

/** Several compare columns, each streaming from the paced upstream through the proxy at once. */
export async function compareRender(browser: Browser, origin: string, columns: number, stream: PacedStream): Promise<RenderResult> {
  const upstream = await startPacedUpstream(stream);
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/compare`);
    const compare = page.getByRole("region", { name: "Compare", exact: true });
    for (const n of [1, 2]) {
      const t = compare.getByRole("region", { name: `Target ${n}`, exact: true });
      await t.getByRole("combobox", { name: "Provider", exact: true }).selectOption("custom");
      await t.getByLabel("Base URL", { exact: true }).fill(upstream.baseUrl);
      await t.getByRole("combobox", { name: "Model", exact: true }).fill("paced");
      await t.locator("summary", { hasText: "Parameters of" }).click();
      await t.getByLabel("stream", { exact: true }).check();
    }
    for (let n = 3; n <= columns; n++) await page.getByRole("button", { name: "Add target", exact: true }).click();
    await page.getByRole("textbox", { name: "Message", exact: true }).fill("Stream please");
    return await measure(page, `compare, ${columns} columns, each ${stream.label}`, upstream, columns, streamMs(stream, 60_000));
  } finally {
    await context.close();
    await upstream.close();
  }
}

/** The two renderers of the comparison page, bundled here only (see ./render-page.tsx). */
async function renderPageBundle(): Promise<string> {
  const root = path.resolve(import.meta.dirname, "../..");
  const out = await build({
    entryPoints: [path.join(root, "scripts/bench/render-page.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    minify: true,
    jsx: "automatic",
    alias: { "@": root },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return out.outputFiles[0]?.text ?? "";
}

/**
 * The same stream rendered in `columns` columns by a naive component (setState on every token,
 * the whole text parsed by react-markdown again each time) and by the app's way (one update a
 * frame into the app's Markdown component: blocks memoized, code highlighted), on a bare page
 * built by this benchmark, so the gain is measured rather than assumed.
 */
export async function naiveVersusBatched(browser: Browser, stream: PacedStream, columns = 1): Promise<RenderResult[]> {
  const js = await renderPageBundle();
  const html = `<!doctype html><meta charset="utf-8"><title>render</title><body><div id="root"></div><script type="module" src="/app.js"></script>`;
  const serve: Extra = (req, res) => {
    if (req.method !== "GET") return false;
    if (req.url?.startsWith("/app.js")) res.writeHead(200, { "content-type": "text/javascript" }).end(js);
    else res.writeHead(200, { "content-type": "text/html" }).end(html);
    return true;
  };
  const out: RenderResult[] = [];
  for (const mode of ["naive", "batched"] as const) {
    const upstream = await startPacedUpstream(stream, serve);
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${upstream.origin}/?mode=${mode}&columns=${columns}`);
      const where = columns > 1 ? `${columns} columns, each ` : "";
      out.push(await measure(page, `bare page, ${mode} renderer, ${where}${stream.label}`, upstream, columns, streamMs(stream, 120_000)));
    } finally {
      await context.close();
      await upstream.close();
    }
  }
  return out;
}
