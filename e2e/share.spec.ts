import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { curlExamples, seedPage } from "../lib/import/testing/seeds";
import { type RecordingForwarder, startRecordingForwarder } from "./fixtures/recording-forwarder";
import { PlaygroundPage } from "./pages/playground";

/** Quotes, a newline, non-ASCII, `$`, backticks and a backslash: what snippets must escape. */
const TRICKY = "He said \"hi\" and 'bye'\nnext line: naïve café ✓ $HOME `date` back\\slash";
const SNIPPET_DIR = path.resolve(import.meta.dirname, "../lib/snippets");

/** The code dialog's text for one language. */
const snippet = (page: Page, language: string) => new PlaygroundPage(page).codeSnippet(language);

/**
 * Runs a program file (inside lib/snippets so `openai` resolves from node_modules). Asynchronous:
 * the recording forwarder lives in this process and must keep answering while the program runs.
 */
async function runFile(
  cmd: string,
  code: string,
  ext: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const file = path.join(SNIPPET_DIR, `.tmp-e2e-${randomBytes(5).toString("hex")}.${ext}`);
  writeFileSync(file, code);
  try {
    const child = spawn(cmd, ext === "py" ? ["-m", "py_compile", file] : [file], { timeout: 20_000, env });
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
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/#/);
  const url = await field.inputValue();
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  return url;
}

/** The JSON a share link carries, unpacked here without the app's codec (so its schema can't hide a field). */
function linkJson(url: string): string {
  const data = /#s=v1\.([A-Za-z0-9_-]+)$/.exec(url)?.[1];
  if (!data) throw new Error(`not a share link: ${url}`);
  return inflateRawSync(Buffer.from(data, "base64url")).toString("utf8");
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
    // A new session streams (stream: true in the body): curl prints the server-sent events as they came.
    expect(JSON.parse(preview).stream).toBe(true);
    expect(ranCurl.stdout).toContain('"object":"chat.completion.chunk"');
    expect(ranCurl.stdout.trim().endsWith("data: [DONE]")).toBe(true);

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

test.describe("code snippets for a provider that needs a key", () => {
  let forwarder: RecordingForwarder;

  test.afterEach(async () => {
    await forwarder.close();
  });

  test("run unchanged with the key in its environment variable, curl and JavaScript send what the playground sends", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    // A custom provider whose base URL is a capture server in front of the app's local provider:
    // the snippets, the playground (through its proxy) and the test all see the same upstream.
    forwarder = await startRecordingForwarder(`${new URL(page.url()).origin}/api/local/v1`);
    await p.chooseCustom(forwarder.baseUrl, "local-ngram");
    await p.systemPrompt.fill(TRICKY);
    await p.setNumber("temperature", 0.7);
    await p.setNumber("max_tokens", 5);
    await p.setNumber("top_k", 3);
    await p.setNumber("min_p", 0.05);
    await p.param("seed").fill("4");
    await p.message.fill(`Tell me ${TRICKY}`);
    await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
    const env = { ...process.env, OPENAI_API_KEY: "sk-dummy-for-e2e" };

    const curl = await snippet(page, "curl");
    expect(curl).toContain("$OPENAI_API_KEY");
    const ranCurl = await runFile("bash", curl, "sh", env);
    expect(ranCurl.status, ranCurl.stderr).toBe(0);
    const js = await snippet(page, "JavaScript (openai)");
    expect(js).toContain("process.env.OPENAI_API_KEY");
    const ranJs = await runFile("node", js, "mjs", env);
    expect(ranJs.status, ranJs.stderr).toBe(0);

    await p.send.click();
    await p.waitIdle();
    await expect(p.errorAlert()).toHaveCount(0);
    // The model picker also lists the custom server's models (GET /models): only the runs count.
    const runs = forwarder.requests.filter((r) => r.method === "POST");
    expect(runs.map((r) => r.path)).toEqual(["/chat/completions", "/chat/completions", "/chat/completions"]);
    const [fromCurl, fromJs, fromPlayground] = runs;
    expect(fromCurl?.headers.authorization).toBe("Bearer sk-dummy-for-e2e");
    expect(fromJs?.headers.authorization).toBe("Bearer sk-dummy-for-e2e");
    const sent = JSON.parse(fromPlayground?.body ?? "");
    expect(sent).toMatchObject({ model: "local-ngram", top_k: 3, min_p: 0.05, seed: 4, max_tokens: 5, temperature: 0.7 });
    expect(sent.messages).toEqual([
      { role: "system", content: TRICKY },
      { role: "user", content: `Tell me ${TRICKY}` },
    ]);
    expect(JSON.parse(fromCurl?.body ?? "")).toEqual(sent);
    expect(JSON.parse(fromJs?.body ?? "")).toEqual(sent);
    expect(await p.rawRequestBody()).toEqual(sent);
  });
});

test.describe("importing the providers' own curl examples", () => {
  const horayModel = "meta-llama/Meta-Llama-3.1-8B-Instruct";
  // What each page's example sends, read off the page: the playground's raw request must be it.
  const cases = [
    {
      file: "001_09a2e7a3845b603c.txt",
      index: 0,
      provider: "horay",
      body: {
        model: horayModel,
        messages: [{ role: "user", content: expect.stringContaining("Horay.ai's Blazing Fast, Affordable and Production Ready API") }],
        stream: false,
        max_tokens: 512,
        // The page's `"stop": ["<string>"]` is a documentation placeholder: imported unticked, not sent.
        temperature: 0.7,
        top_p: 0.7,
        top_k: 50,
        frequency_penalty: 0.5,
        n: 1,
      },
    },
    {
      file: "002_523610732093837d.txt",
      index: 0,
      provider: "avangenio",
      body: {
        model: "radiance",
        messages: [
          { role: "system", content: "You are a helpful assistant." },
          { role: "user", content: "How many days are in a year?" },
        ],
      },
    },
    {
      file: "003_51d6b7c4e3b507cf.txt",
      index: 0,
      provider: "netmind",
      body: {
        model: horayModel,
        messages: [
          { role: "system", content: "Act like you are a helpful assistant." },
          { role: "user", content: "Hi there!" },
        ],
        max_tokens: 512,
      },
    },
    {
      file: "003_51d6b7c4e3b507cf.txt",
      index: 1,
      provider: "netmind",
      body: { model: horayModel, prompt: expect.stringContaining("assistant.\n You are a cooking assistant.\n Be edgy"), max_tokens: 512 },
    },
  ];
  for (const c of cases) {
    const mode = "prompt" in c.body ? "completions" : "chat";
    test(`${c.file} example ${c.index + 1} opens as ${c.provider} (${mode}), its key dropped with a notice`, async ({ page }) => {
      const p = new PlaygroundPage(page);
      await p.goto();
      const example = curlExamples(seedPage(c.file))[c.index] ?? "";
      expect(example).toMatch(/authorization: bearer/i);
      await page.getByRole("button", { name: "Import", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Import" });
      await dialog.getByLabel("Import text", { exact: true }).fill(example);
      await dialog.getByRole("button", { name: "Load", exact: true }).click();
      await expect(dialog.getByRole("status")).toContainText("dropped");
      await dialog.getByRole("button", { name: "Done", exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect(p.provider).toHaveValue(c.provider);
      await expect(p.model).toHaveValue(c.body.model);
      for (const [name, value] of Object.entries(c.body)) {
        if (typeof value === "number") await expect(p.param(name)).toHaveValue(String(value));
      }
      if (mode === "completions")
        await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue(
          /^A chat between a curious user.*\n You are a cooking assistant\./s,
        );
      else await expect(p.articles("user")).toHaveCount(1);
      expect(await p.rawRequestBody()).toEqual(c.body);
    });
  }

  /** A real paste (Ctrl+V from the clipboard), so the composer gets the text as well as the event. */
  async function paste(page: Page, target: Locator, text: string): Promise<void> {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await target.focus();
    await page.keyboard.press("ControlOrMeta+V");
  }

  test("a JSON body or a curl command pasted into the composer can be opened as the session", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    const offer = page.getByRole("button", { name: "Import this request", exact: true });

    const body = JSON.stringify({ model: "local-ngram", messages: [{ role: "user", content: "From a pasted body" }], temperature: 0.2 });
    await paste(page, p.message, body);
    await expect(p.message).toHaveValue(body);
    await offer.click();
    await expect(p.message).toHaveValue("");
    await expect(p.provider).toHaveValue("local");
    await expect(p.articles("user")).toHaveText(/From a pasted body/);
    expect(await p.rawRequestBody()).toEqual(JSON.parse(body));

    // Pasted while the last import's outcome is still shown: a fresh offer.
    await paste(page, p.message, curlExamples(seedPage("002_523610732093837d.txt"))[0] ?? "");
    await offer.click();
    await expect(page.getByRole("status").filter({ hasText: "dropped" })).toBeVisible();
    await expect(p.provider).toHaveValue("avangenio");
    await expect(p.model).toHaveValue("radiance");
    await expect(p.articles("user")).toHaveText(/How many days are in a year\?/);
    await expect(p.message).toHaveValue("");

    await paste(page, p.message, "Just a question about curl, not a command");
    await expect(p.message).toHaveValue("Just a question about curl, not a command");
    await expect(offer).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "dropped" })).toHaveCount(0);
  });

  test("input the importer does not understand gets a message and changes nothing", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    await p.systemPrompt.fill("Still here");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Import" });
    await expect(dialog.getByLabel("Import text", { exact: true })).toBeFocused();
    await page.keyboard.type("curl --nonsense 'unterminated");
    await dialog.getByRole("button", { name: "Load", exact: true }).click();
    await expect(dialog.getByRole("alert")).not.toBeEmpty();
    await dialog.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(p.provider).toHaveValue("local");
    await expect(p.systemPrompt).toHaveValue("Still here");
  });
});

test.describe("share links", () => {
  test("a link opened in a fresh browser context shows what it holds and restores the session after asking", async ({ page, browser }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    // Everything away from the defaults: provider, base URL, model, parameters, system prompt, messages.
    await p.chooseCustom("http://127.0.0.1:9/v1", "shared-model");
    await p.systemPrompt.fill(TRICKY);
    await p.setNumber("temperature", 0.4);
    await p.setNumber("top_k", 7);
    await p.param("stop").fill("END");
    await p.message.fill("Shared question");
    await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
    const sentBefore = await p.rawRequestBody();
    expect(sentBefore).toMatchObject({ model: "shared-model", temperature: 0.4, top_k: 7 });
    const url = await shareLink(page);
    expect(new URL(url).hash).toMatch(/^#s=v1\./);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    const q = new PlaygroundPage(other);
    await other.goto(url);
    const ask = other.getByRole("dialog", { name: "Open shared session" });
    await expect(ask).toContainText("shared-model at http://127.0.0.1:9/v1");
    await expect(ask).toContainText("temperature");
    await expect(ask).toContainText("1 message and a system prompt");
    await expect(q.provider).toHaveValue("local");
    await ask.getByRole("button", { name: "Replace my session", exact: true }).click();
    await expect(ask).toHaveCount(0);
    await expect(q.provider).toHaveValue("custom");
    await expect(other.getByLabel("Base URL", { exact: true })).toHaveValue("http://127.0.0.1:9/v1");
    await expect(q.model).toHaveValue("shared-model");
    await expect(q.systemPrompt).toHaveValue(TRICKY);
    await expect(q.param("temperature")).toHaveValue("0.4");
    await expect(q.param("top_k")).toHaveValue("7");
    await expect(q.articles("user")).toContainText("Shared question");
    expect(await q.rawRequestBody()).toEqual(sentBefore);
    expect(new URL(other.url()).hash).toBe("");
    await fresh.close();
  });

  test("declining a link keeps the current session", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    await p.systemPrompt.fill("From the link");
    const url = await shareLink(page);
    await p.systemPrompt.fill("Mine");
    await page.goto(url);
    const ask = page.getByRole("dialog", { name: "Open shared session" });
    await ask.getByRole("button", { name: "Keep my session", exact: true }).click();
    await expect(ask).toHaveCount(0);
    await expect(p.systemPrompt).toHaveValue("Mine");
  });

  test("a damaged or hand-edited link shows an error and the current session stays", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    await p.systemPrompt.fill("Keep me");
    await p.setNumber("temperature", 1.1);
    await p.message.fill("My own message");
    await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
    const mine = await p.rawRequestBody();
    const url = await shareLink(page);
    const hash = new URL(url).hash;
    const middle = Math.floor(hash.length / 2);
    const origin = url.slice(0, url.length - hash.length);
    const edited = JSON.stringify({ kind: "session", session: { providerId: "local", model: 42 } });
    const links = [
      `${origin}${hash.slice(0, middle)}Zz_-${hash.slice(middle + 4)}`,
      `${origin}${hash.slice(0, middle)}`,
      `${origin}#s=v1.${deflateRawSync(Buffer.from(edited)).toString("base64url")}`,
      `${origin}#s=v1.not*base64`,
    ];
    for (const link of links) {
      await page.goto("about:blank");
      await page.goto(link);
      const alert = page.getByRole("alert").filter({ hasText: "This share link could not be opened" });
      await expect(alert, link).toBeVisible();
      await expect(page.getByRole("dialog", { name: "Open shared session" })).toHaveCount(0);
      await expect(p.systemPrompt).toHaveValue("Keep me");
      await expect(p.articles("user")).toHaveText(/My own message/);
      expect(await p.rawRequestBody()).toEqual(mine);
    }
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
    const shared = linkJson(url);
    expect(shared).toContain('"providerId":"horay"');
    expect(shared).not.toContain(key);
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
