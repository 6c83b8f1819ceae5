/**
 * Browser-side figures, measured in Debian's Chromium against a production server: first-load
 * JavaScript per page and cold start (streaming render is in ./render), and their tables.
 */
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { type Browser, chromium } from "@playwright/test";
import type { RenderResult } from "./render";
import { fmt } from "./stats";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH || "/usr/bin/chromium", args: ARGS });
}

/** The budget for the first load of `/`, in KB of gzipped JavaScript (test/first-load.test.ts holds the build to it too). */
export const FIRST_LOAD_BUDGET_KB = 180;

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
  const files = [...new Set([...html.matchAll(/\/_next\/(static\/[^"'\s\\]+?\.js)/g)].map((m) => m[1] ?? ""))].filter(
    (f) => !noModule.has(f),
  );
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
    lines.push(
      `| ${w.route} | ${fmt(w.gzipKb, 1)} KB | ${budget ? `≤ ${budget} KB` : "–"} | ${budget ? met(w.gzipKb <= budget) : "–"} | ${top} |`,
    );
  }
  return lines;
}

export function renderTable(results: RenderResult[]): string[] {
  const lines = [
    "| scenario | long tasks (max ms) | fps median (worst frame ms) | final text after last token | main-thread CPU | heap growth | vs 2 × text + 2 MB | vs 2 × (text + raw events) + 2 MB |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    const heapOk = r.heapGrowthKb <= 2 * r.textKb + 2048;
    const heapWithEventsOk = r.heapGrowthKb <= 2 * (r.textKb + r.streamKb) + 2048;
    lines.push(
      `| ${r.scenario} | ${r.longTasks} (${fmt(r.maxLongTaskMs, 0)}) ${met(r.maxLongTaskMs <= 50)} | ${fmt(r.fpsMedian, 0)} (${fmt(r.worstFrameMs, 0)}) ${met(r.fpsMedian >= 50)} | ${fmt(r.finalTextLagMs, 0)} ms ${met(r.finalTextLagMs <= 100)} | ${fmt(r.cpuMs / 1000, 1)} s | ${fmt(r.heapGrowthKb, 0)} KB | ${fmt(r.textKb, 0)} KB of text: ${met(heapOk)} | ${fmt(r.streamKb, 0)} KB of events: ${met(heapWithEventsOk)} |`,
    );
  }
  return lines;
}
