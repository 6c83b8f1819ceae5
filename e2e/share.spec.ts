import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { curlExamples, seedPage } from "../lib/import/testing/seeds";
import { type RecordingForwarder, startRecordingForwarder } from "./fixtures/recording-forwarder";
import { PlaygroundPage } from "./pages/playground";

/** Quotes, a newline, non-ASCII, `$`, backticks and a backslash: what snippets must escape. */
const TRICKY = 'He said "hi" and \'bye\'\nnext line: naïve café ✓ $HOME `date` back\\slash';
const SNIPPET_DIR = path.resolve(import.meta.dirname, "../lib/snippets");

async function snippet(page: Page, language: string): Promise<string> {
  await page.getByRole("button", { name: "Code", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Code" });
  await dialog.getByRole("tab", { name: language, exact: true }).click();
  const code = (await dialog.locator("pre code").textContent()) ?? "";
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  return code;
}

/**
 * Runs a program file (inside lib/snippets so `openai` resolves from node_modules). Asynchronous:
 * the recording forwarder lives in this process and must keep answering while the program runs.
 */
async function runFile(cmd: string, code: string, ext: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const file = path.join(SNIPPET_DIR, `.tmp-e2e-${randomBytes(5).toString("hex")}.${ext}`);
  writeFileSync(file, code);
  try {
    const child = spawn(cmd, ext === "py" ? ["-m", "py_compile", file] : [file], { timeout: 20_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
    return { status, stdout, stderr };
  } finally {
    rmSync(file, { force: true });
    rmSync(path.join(SNIPPET_DIR, "__pycache__"), { recursive: true, force: true });
  }
}

async function shareLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share" });
  const field = dialog.getByLabel("Share link", { exact: true });
  await expect(field).toHaveValue(/#/);
  const url = await field.inputValue();
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  return url;
}

test.describe("code snippets", () => {
  let p: PlaygroundPage;
  let forwarder: RecordingForwarder;
  let localBase: string;

  test.beforeEach(async ({ page }) => {
    p = new PlaygroundPage(page);
    await p.goto();
    localBase = `${new URL(page.url()).origin}/api/local/v1`;
    forwarder = await startRecordingForwarder(localBase);
    await p.systemPrompt.fill(TRICKY);
    await p.setNumber("temperature", 0.3);
    await p.setNumber("max_tokens", 6);
    await p.setNumber("top_k", 5);
    await p.param("seed").fill("11");
    await p.message.fill(`A question with ${TRICKY}`);
    await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
  });

  test.afterEach(async () => {
    await forwarder.close();
  });

  test("the curl and JavaScript snippets, run as they are, send the playground's exact body to the local provider", async ({ page }) => {
    await p.rawRequestTab.click();
    const preview = (await page.getByTestId("raw-request-body").textContent()) ?? "";
    expect(JSON.parse(preview)).toMatchObject({ top_k: 5, seed: 11, max_tokens: 6 });

    const curl = await snippet(page, "curl");
    expect(curl).toContain(localBase);
    const ranCurl = await runFile("bash", curl.replaceAll(localBase, forwarder.baseUrl), "sh");
    expect(ranCurl.status, ranCurl.stderr).toBe(0);
    expect(forwarder.requests).toHaveLength(1);
    expect(forwarder.requests[0]?.path).toBe("/chat/completions");
    expect(forwarder.requests[0]?.body).toBe(preview);
    expect(JSON.parse(ranCurl.stdout).object).toBe("chat.completion");

    const js = await snippet(page, "JavaScript (openai)");
    const ranJs = await runFile("node", js.replaceAll(localBase, forwarder.baseUrl), "mjs");
    expect(ranJs.status, ranJs.stderr).toBe(0);
    expect(forwarder.requests).toHaveLength(2);
    expect(JSON.parse(forwarder.requests[1]?.body ?? "")).toEqual(JSON.parse(preview));
    expect(ranJs.stdout.trim().length).toBeGreaterThan(0);

    // The request the playground itself sends is the one the snippets sent.
    await p.send.click();
    await p.waitIdle();
    expect(await page.getByTestId("raw-request-body").textContent()).toBe(preview);
  });

  test("the Python snippet compiles and passes the non-OpenAI parameters through extra_body", async ({ page }) => {
    const py = await snippet(page, "Python (openai)");
    expect(py).toMatch(/extra_body=\{[^}]*"top_k": 5/);
    expect(py).not.toMatch(/^\s*top_k=/m);
    const compiled = await runFile("python3", py, "py");
    expect(compiled.status, compiled.stderr).toBe(0);
  });
});

test.describe("importing the providers' own curl examples", () => {
  const cases = [
    { file: "001_09a2e7a3845b603c.txt", index: 0, provider: "horay", model: "meta-llama/Meta-Llama-3.1-8B-Instruct", maxTokens: "512", mode: "chat" },
    { file: "002_523610732093837d.txt", index: 0, provider: "avangenio", model: "radiance", maxTokens: null, mode: "chat" },
    { file: "003_51d6b7c4e3b507cf.txt", index: 0, provider: "netmind", model: "meta-llama/Meta-Llama-3.1-8B-Instruct", maxTokens: "512", mode: "chat" },
    { file: "003_51d6b7c4e3b507cf.txt", index: 1, provider: "netmind", model: null, maxTokens: "512", mode: "completions" },
  ];
  for (const c of cases) {
    test(`${c.file} example ${c.index + 1} opens as ${c.provider} (${c.mode})`, async ({ page }) => {
      const p = new PlaygroundPage(page);
      await p.goto();
      const example = curlExamples(seedPage(c.file))[c.index];
      expect(example).toBeTruthy();
      await page.getByRole("button", { name: "Import", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Import" });
      await dialog.getByLabel("Import text", { exact: true }).fill(example ?? "");
      await dialog.getByRole("button", { name: "Load", exact: true }).click();
      const done = dialog.getByRole("button", { name: "Done", exact: true });
      if (/authorization/i.test(example ?? "")) {
        await expect(dialog.getByRole("status")).toContainText("dropped");
        await done.click();
      }
      await expect(dialog).toHaveCount(0);
      await expect(p.provider).toHaveValue(c.provider);
      if (c.model) await expect(p.model).toHaveValue(c.model);
      if (c.maxTokens) await expect(p.param("max_tokens")).toHaveValue(c.maxTokens);
      if (c.mode === "completions") await expect(page.getByLabel("Prompt", { exact: true })).not.toHaveValue("");
      else await expect(p.articles("user").first()).toBeVisible();
    });
  }

  test("a curl command pasted into the composer can be opened as the session, and garbage gets a clear message", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    const example = curlExamples(seedPage("002_523610732093837d.txt"))[0] ?? "";
    await p.message.focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, example);
    await page.getByRole("button", { name: "Import this request", exact: true }).click();
    await expect(p.provider).toHaveValue("avangenio");
    await expect(p.model).toHaveValue("radiance");

    await page.getByRole("button", { name: "Import", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Import" });
    await dialog.getByLabel("Import text", { exact: true }).fill("curl --nonsense 'unterminated");
    await dialog.getByRole("button", { name: "Load", exact: true }).click();
    await expect(dialog.getByRole("alert")).not.toBeEmpty();
    await expect(p.provider).toHaveValue("avangenio");
  });
});

test.describe("share links", () => {
  test("a link opened in a fresh browser context restores the session after asking", async ({ page, browser }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    await p.systemPrompt.fill(TRICKY);
    await p.setNumber("temperature", 0.4);
    await p.param("stop").fill("END");
    await p.message.fill("Shared question");
    await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
    const sentBefore = await p.rawRequestBody();
    const url = await shareLink(page);
    expect(new URL(url).hash.length).toBeGreaterThan(10);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    const q = new PlaygroundPage(other);
    await other.goto(url);
    const ask = other.getByRole("dialog", { name: "Open shared session" });
    await expect(ask).toContainText("local");
    await ask.getByRole("button", { name: "Replace my session", exact: true }).click();
    await expect(q.systemPrompt).toHaveValue(TRICKY);
    await expect(q.param("temperature")).toHaveValue("0.4");
    await expect(q.articles("user")).toContainText("Shared question");
    expect(await q.rawRequestBody()).toEqual(sentBefore);
    expect(new URL(other.url()).hash).toBe("");
    await fresh.close();
  });

  test("a damaged link shows an error and the current session stays", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    await p.systemPrompt.fill("Keep me");
    const url = await shareLink(page);
    const hash = new URL(url).hash;
    const middle = Math.floor(hash.length / 2);
    const damaged = `${url.slice(0, url.length - hash.length)}${hash.slice(0, middle)}Zz_-${hash.slice(middle + 4)}`;
    await page.goto(damaged);
    await expect(page.getByRole("alert").filter({ hasText: "could not be opened" })).toBeVisible();
    await expect(p.systemPrompt).toHaveValue("Keep me");
  });

  test("a key typed in the playground is in no snippet and no share link", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    await p.provider.selectOption("horay");
    const key = `sk-never-share-${randomBytes(4).toString("hex")}`;
    await page.getByLabel("Use my own key", { exact: true }).fill(key);
    await p.message.fill("Hi");
    await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
    for (const language of ["curl", "Python (openai)", "JavaScript (openai)", "TypeScript (openai)", "JavaScript (fetch)", "HTTP"]) {
      const code = await snippet(page, language);
      expect(code).not.toContain(key);
      expect(code).toMatch(/HORAY_API_KEY/);
    }
    const url = await shareLink(page);
    const other = await page.context().browser()?.newContext();
    const q = await other?.newPage();
    if (!q || !other) throw new Error("no second context");
    await q.goto(url);
    await q.getByRole("dialog", { name: "Open shared session" }).getByRole("button", { name: "Replace my session", exact: true }).click();
    await expect(new PlaygroundPage(q).provider).toHaveValue("horay");
    expect(await q.evaluate(() => JSON.stringify(Object.entries(localStorage)))).not.toContain(key);
    await expect(q.getByLabel("Use my own key", { exact: true })).toHaveValue("");
    await other.close();
  });
});
