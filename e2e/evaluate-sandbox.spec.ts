import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { build } from "esbuild";

/**
 * The expression sandbox in a real Chromium: lib/evaluate/sandbox bundled as it is (esbuild)
 * and loaded into a page of the app's origin, next to a server that records every request a
 * worker might make. A page-side fetch to the same server is the control: it arrives, so a
 * request that does not arrive from the worker was blocked, not lost.
 */
let bundle = "";
let server: Server;
let base = "";
const seen: string[] = [];

test.beforeAll(async () => {
  const out = await build({
    entryPoints: ["lib/evaluate/sandbox.ts"],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "EvalSandbox",
    platform: "browser",
    target: "es2022",
  });
  bundle = out.outputFiles[0]!.text;
  server = createServer((req, res) => {
    seen.push(req.url ?? "");
    res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/javascript" });
    res.end("self.leaked = true;");
  });
  server.on("upgrade", (req, socket) => {
    seen.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

declare global {
  interface Window {
    EvalSandbox: typeof import("../lib/evaluate/sandbox");
  }
}

test.beforeEach(async ({ page }) => {
  seen.length = 0;
  await page.goto("/api/health");
  await page.addScriptTag({ content: bundle });
  await page.evaluate(() => localStorage.setItem("playground.secret-probe", "do-not-read"));
});

test("an expression sees output, json, vars and response, and its value comes back", async ({ page }) => {
  const r = await page.evaluate(() =>
    window.EvalSandbox.runInSandbox("json.age > 30 && vars.topic === 'tides' && response.id === 'r1' && output.length", {
      output: '{"age": 36}',
      json: { age: 36 },
      vars: { topic: "tides" },
      response: { id: "r1" },
    }),
  );
  expect(r).toEqual({ ok: true, value: 11 });
});

test("an endless loop is stopped at the time limit and the worker terminated", async ({ page }) => {
  const r = await page.evaluate(async () => {
    const t0 = performance.now();
    const outcome = await window.EvalSandbox.runInSandbox("(() => { for (;;) {} })()", {}, 300);
    return { outcome, ms: performance.now() - t0 };
  });
  expect(r.outcome).toEqual({ ok: false, error: "The expression ran longer than 300 ms and was stopped." });
  expect(r.ms).toBeGreaterThanOrEqual(300);
  // A terminated worker stops burning CPU: a later expression runs normally.
  expect(await page.evaluate(() => window.EvalSandbox.runInSandbox("1 + 1", {}))).toEqual({ ok: true, value: 2 });
});

test("throwing and syntax errors are reported, not raised", async ({ page }) => {
  expect(await page.evaluate(() => window.EvalSandbox.runInSandbox("output.nope.deeper", { output: "x" }))).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^The expression threw: /),
  });
  expect(await page.evaluate(() => window.EvalSandbox.runInSandbox("1 +", {}))).toMatchObject({
    ok: false,
    error: expect.stringMatching(/^The expression does not compile: /),
  });
  // Checked before sending: compiled, never run (an endless loop would otherwise time out).
  expect(await page.evaluate(() => window.EvalSandbox.expressionSyntaxProblem("1 +"))).toMatch(/^The expression does not compile: /);
  expect(await page.evaluate(() => window.EvalSandbox.expressionSyntaxProblem("(() => { for (;;) {} })()"))).toBeNull();
});

test("no window, document or storage", async ({ page }) => {
  const r = await page.evaluate(() =>
    window.EvalSandbox.runInSandbox(
      "[typeof window, typeof document, typeof localStorage, typeof sessionStorage, typeof indexedDB, typeof caches, typeof navigator, typeof self.navigator]",
      {},
    ),
  );
  expect(r).toEqual({
    ok: true,
    value: ["undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined"],
  });
});

test("no network: fetch, XHR, WebSocket, EventSource, importScripts, nested workers and code made from strings are gone", async ({
  page,
}) => {
  // The control: the page itself reaches the server.
  await page.evaluate((url) => fetch(`${url}/from-page`).then((r) => r.text()), base);
  expect(seen).toEqual(["/from-page"]);
  const probes = [
    `fetch("${base}/fetch")`,
    `new XMLHttpRequest()`,
    `new WebSocket("${base.replace("http", "ws")}/ws")`,
    `new EventSource("${base}/sse")`,
    `importScripts("${base}/classic-script.js")`,
    `new Worker("${base}/worker.js")`,
    `Object.getPrototypeOf(self).fetch("${base}/proto-fetch")`,
    `(function () {}).constructor("return 1")()`,
    `(async function () {}).constructor("return 1")()`,
    `self.eval("1")`,
    `navigator.sendBeacon("${base}/beacon")`,
    `indexedDB.open("x")`,
    `caches.open("x")`,
  ];
  for (const code of probes) {
    const r = await page.evaluate((c) => window.EvalSandbox.runInSandbox(c, {}), code);
    expect(r, code).toMatchObject({ ok: false, error: expect.stringMatching(/^The expression threw: /) });
  }
  // A timer given a string would compile it: it is dropped, so nothing runs.
  expect(await page.evaluate(() => window.EvalSandbox.runInSandbox('setTimeout("self.x = 1"), 5', {}))).toEqual({ ok: true, value: 5 });
  expect(await page.evaluate((url) => window.EvalSandbox.runInSandbox(`import("${url}/dyn.js")`, {}), base)).toEqual({
    ok: false,
    error: "The expression may not use import.",
  });
  await page.waitForTimeout(300);
  expect(seen).toEqual(["/from-page"]);
});
