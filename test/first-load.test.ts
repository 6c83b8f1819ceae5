import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { FIRST_LOAD_BUDGET_KB, pageWeight } from "../scripts/bench/browser";

/**
 * The first load of `/` stays within its budget because the Markdown renderer and the syntax
 * highlighter are fetched on first use: no chunk the page's HTML names holds either, while the
 * build has both (so the check cannot pass on a build without them).
 */
const distDir = process.env.NEXT_DIST_DIR || ".next";
/** Strings found in the renderer's chunk (remark-gfm's task lists) and the highlighter's (highlight.js core). */
const LAZY = { renderer: "contains-task-list", highlighter: "highlightAuto" };

function chunksHolding(needle: string): string[] {
  const dir = path.join(distDir, "static/chunks");
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js") && readFileSync(path.join(dir, f), "utf8").includes(needle))
    .map((f) => `static/chunks/${f}`);
}

describe("first load of /", () => {
  it(`is at most ${FIRST_LOAD_BUDGET_KB} KB of gzipped JavaScript, without the Markdown renderer or the highlighter`, async () => {
    const weight = await pageWeight(inject("serverUrl"), distDir, "/");
    expect(weight.status).toBe(200);
    expect(weight.gzipKb).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_KB);
    const loaded = new Set(weight.chunks.map((c) => c.file));
    for (const needle of Object.values(LAZY)) {
      const holders = chunksHolding(needle);
      expect(holders.length).toBeGreaterThan(0);
      for (const f of holders) expect(loaded.has(f)).toBe(false);
    }
  });
});
