import { expect, type Locator, type Page, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground";

/**
 * The playground against the built-in local provider, through the real proxy. Each test starts
 * from a fresh browser context, so localStorage is empty.
 */
test.describe("playground with the local provider", () => {
  let p: PlaygroundPage;

  test.beforeEach(async ({ page }) => {
    p = new PlaygroundPage(page);
    await p.goto();
  });

  test("starts on the local provider with only stream set, and the raw request is model, messages and stream", async () => {
    await expect(p.provider).toHaveValue("local");
    await expect(p.model).toHaveValue("local-ngram");
    await expect(p.param("stream")).toBeChecked();
    await expect(p.page.getByRole("checkbox", { name: "Set stream", exact: true })).toBeChecked();
    await p.message.fill("Hello there");
    expect(await p.rawRequestBody()).toEqual({ model: "local-ngram", messages: [], stream: true });
    await p.send.click();
    await expect(p.articles("user")).toHaveCount(1);
    await expect(p.articles("user")).toContainText("Hello there");
    await expect(p.lastAssistant()).toBeVisible();
    await p.waitIdle();
    expect(await p.rawRequestBody()).toEqual({ model: "local-ngram", messages: [{ role: "user", content: "Hello there" }], stream: true });
  });

  test("Ctrl+Enter sends from the composer", async () => {
    await p.setNumber("max_tokens", 5);
    await p.message.fill("Sent with the keyboard");
    await p.message.press("Control+Enter");
    await expect(p.articles("user")).toContainText("Sent with the keyboard");
    await expect(p.message).toHaveValue("");
    await p.waitIdle();
    await expect(p.articles("assistant")).toHaveCount(1);
  });

  test("a streamed answer grows while Stop is visible", async () => {
    await p.setStream();
    await p.setNumber("max_tokens", 400);
    await p.noEarlyEnd();
    await p.usePlainText();
    await p.ask("Tell me a long story about the sea");
    await expect(p.stop).toBeVisible();
    const answer = p.lastAssistant().locator("[data-answer-text]");
    await expect(answer).not.toHaveText("", { timeout: 5_000 });
    const first = ((await answer.textContent()) ?? "").length;
    await expect(p.stop).toBeVisible();
    await expect.poll(async () => ((await answer.textContent()) ?? "").length, { timeout: 5_000 }).toBeGreaterThan(first);
    await expect(p.stop).toBeVisible();
  });

  test("Stop ends the stream and keeps the text", async () => {
    await p.setStream();
    await p.setNumber("max_tokens", 2000);
    await p.noEarlyEnd();
    await p.usePlainText();
    await p.ask("Tell me everything");
    const answer = p.lastAssistant().locator("[data-answer-text]");
    await expect(answer).not.toHaveText("", { timeout: 5_000 });
    await p.stop.click();
    await expect(p.stop).toHaveCount(0);
    await expect(p.lastAssistant()).toContainText("stopped by you");
    const kept = await p.answerText();
    expect(kept.length).toBeGreaterThan(0);
    await p.page.waitForTimeout(300);
    expect(await p.answerText()).toBe(kept);
    await expect(p.send).toBeEnabled();
  });

  test("temperature 0 twice gives the same text", async () => {
    await p.setNumber("temperature", 0);
    await p.setNumber("max_tokens", 30);
    await p.noEarlyEnd();
    await p.usePlainText();
    await p.ask("Describe the weather");
    await p.waitIdle();
    const first = await p.answerText();
    expect(first.length).toBeGreaterThan(0);
    await p.regenerate.click();
    await p.waitIdle();
    await expect(p.articles("assistant")).toHaveCount(1);
    expect(await p.answerText()).toBe(first);
  });

  test("a stop string ends the output before it", async () => {
    await p.setNumber("temperature", 0);
    await p.setNumber("max_tokens", 40);
    await p.noEarlyEnd();
    await p.usePlainText();
    await p.ask("Describe the weather");
    await p.waitIdle();
    const full = await p.answerText();
    const words = full.split(/\s+/).filter((w) => /^[a-z]{3,}$/i.test(w));
    const cut = words.find((w) => full.indexOf(w) > 5);
    expect(cut, `a word to stop at in ${JSON.stringify(full)}`).toBeTruthy();
    await p.param("stop").fill(cut!);
    await p.regenerate.click();
    await p.waitIdle();
    const stopped = await p.answerText();
    expect(stopped).toBe(full.slice(0, full.indexOf(cut!)).trim());
    await expect(p.lastAssistant()).toContainText("finish_reason: stop");
    expect(((await p.rawRequestBody()) as { stop: string[] }).stop).toEqual([cut]);
  });

  test("n = 2 shows two choices as tabs", async () => {
    await p.setNumber("n", 2);
    await p.setNumber("max_tokens", 20);
    await p.ask("Say something");
    await p.waitIdle();
    const choice1 = p.lastAssistant().getByRole("tab", { name: "Choice 1", exact: true });
    const choice2 = p.lastAssistant().getByRole("tab", { name: "Choice 2", exact: true });
    await expect(choice1).toBeVisible();
    await expect(choice2).toBeVisible();
    await choice2.click();
    await expect(choice2).toHaveAttribute("aria-selected", "true");
    await expect(p.lastAssistant().getByRole("tabpanel")).toContainText("finish_reason");
  });

  test("the raw request shows exactly the set parameters and nothing else", async () => {
    await p.setNumber("temperature", 0.5);
    await p.setNumber("max_tokens", 12);
    await p.param("seed").fill("42");
    await p.page.getByRole("group", { name: "seed parameter" }).getByRole("button", { name: "Reset" }).click();
    await p.ask("Hi");
    await p.waitIdle();
    const body = (await p.rawRequestBody()) as Record<string, unknown>;
    // stream is set in a new session (shown as set in the panel); the rest only because the test set them.
    expect(Object.keys(body)).toEqual(["model", "messages", "stream", "temperature", "max_tokens"]);
    expect(body).toMatchObject({ stream: true, temperature: 0.5, max_tokens: 12 });
    await p.page.getByRole("button", { name: "Copy request body" }).isVisible();
  });

  test("a guided_json run shows a valid result", async () => {
    const schema = { type: "object", properties: { name: { type: "string" }, age: { type: "integer" } }, required: ["name", "age"] };
    await p.param("guided_json").fill(JSON.stringify(schema));
    await p.setNumber("max_tokens", 200);
    await p.usePlainText();
    await p.ask("Give me a person");
    await p.waitIdle();
    await expect(p.lastAssistant().getByRole("status")).toContainText("Valid: the output matches the requested schema");
    const text = await p.answerText();
    expect(() => JSON.parse(text)).not.toThrow();
  });

  test("logprobs shade the tokens and show the top alternatives on focus", async ({ page }) => {
    await p.param("logprobs").check();
    await p.setNumber("top_logprobs", 3);
    await p.setNumber("max_tokens", 8);
    await p.noEarlyEnd();
    await p.ask("Probabilities please");
    await p.waitIdle();
    const firstToken = p.lastAssistant().locator("[data-answer-text] span").first();
    await firstToken.focus();
    const tip = p.lastAssistant().getByRole("tooltip");
    await expect(tip).toContainText("%");
    await expect(tip.getByRole("listitem")).toHaveCount(3);
    await page.keyboard.press("ArrowRight");
    await expect(p.lastAssistant().locator("[data-answer-text] span").nth(1)).toBeFocused();
  });

  test("reload restores the session", async ({ page }) => {
    await p.systemPrompt.fill("Be brief.");
    await p.setNumber("temperature", 0.3);
    await p.setStream();
    await p.setNumber("max_tokens", 10);
    await p.ask("Remember me");
    await p.waitIdle();
    await p.message.fill("a draft not sent yet");
    await page.reload();
    await expect(p.message).toBeVisible();
    await expect(p.systemPrompt).toHaveValue("Be brief.");
    await expect(p.param("temperature")).toHaveValue("0.3");
    await expect(p.param("stream")).toBeChecked();
    await expect(p.model).toHaveValue("local-ngram");
    await expect(p.articles("user")).toContainText("Remember me");
    await expect(p.articles("assistant")).toHaveCount(1);
    await expect(p.message).toHaveValue("a draft not sent yet");
  });

  test("history keeps past runs and reopens their raw request and response", async ({ page }) => {
    await p.setNumber("max_tokens", 8);
    await p.ask("First question");
    await p.waitIdle();
    await p.clear.click();
    await expect(p.articles("user")).toHaveCount(0);
    await page.getByRole("tab", { name: "History", exact: true }).click();
    await page
      .getByRole("button", { name: /^Open run of/ })
      .first()
      .click();
    await expect(p.articles("user")).toContainText("First question");
    expect(await p.rawRequestBody()).toMatchObject({ messages: [{ role: "user", content: "First question" }], max_tokens: 8 });
    await p.rawResponseTab.click();
    await expect(page.getByRole("region", { name: "Raw response" })).toContainText("HTTP 200");
  });

  test("metrics show timings, usage, status and the upstream URL", async ({ page }) => {
    await p.setStream();
    await p.setNumber("max_tokens", 10);
    await p.ask("Measure me");
    await p.waitIdle();
    await p.metricsTab.click();
    const metrics = page.getByRole("region", { name: "Metrics" });
    await expect(metrics).toContainText("Time to first token");
    await expect(metrics).toContainText("200");
    await p.rawResponseTab.click();
    await expect(page.getByRole("list", { name: "SSE events" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Raw response" })).toContainText("[DONE]");
  });

  test("completions mode sends a prompt", async ({ page }) => {
    await page.getByRole("radio", { name: "Completions (legacy)" }).check();
    await page.getByRole("textbox", { name: "Prompt", exact: true }).fill("Once upon a time");
    await p.setNumber("max_tokens", 10);
    await p.send.click();
    await p.waitIdle();
    await expect(p.lastAssistant()).toContainText("finish_reason");
    expect(await p.rawRequestBody()).toEqual({ model: "local-ngram", prompt: "Once upon a time", stream: true, max_tokens: 10 });
  });

  test("an out-of-range value is flagged before sending and can still be sent", async ({ page }) => {
    await p.setNumber("temperature", 5);
    await expect(page.getByRole("group", { name: "temperature parameter" })).toContainText("above");
    await p.setNumber("max_tokens", 5);
    await p.ask("Hot");
    await p.waitIdle();
    expect(((await p.rawRequestBody()) as { temperature: number }).temperature).toBe(5);
  });
});

test.describe("parameter checks against the provider profile", () => {
  test("Horay max_tokens > 4096, a fifth Netmind stop and a schema that is not JSON are flagged", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    const field = (name: string) => page.getByRole("group", { name: `${name} parameter`, exact: true });
    await p.provider.selectOption("horay");
    await p.setNumber("max_tokens", 5000);
    await expect(field("max_tokens")).toContainText("above 4096, the most Horay documents");
    await expect(page.getByRole("region", { name: "Not documented for Horay" })).toContainText("guided_json");
    await p.provider.selectOption("netmind");
    await p.param("stop").fill("a\nb\nc\nd\ne");
    await expect(field("stop")).toContainText("Netmind documents at most 4");
    await p.provider.selectOption("local");
    await p.param("guided_json").fill("{not json");
    await expect(field("guided_json")).toContainText("not valid JSON");
    await p.param("guided_json").fill('{"type": "no-such-type"}');
    await expect(field("guided_json")).toContainText("Not a valid JSON Schema");
  });
});

test.describe("narrow screens", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  /** True when the page scrolls sideways: something is wider than the viewport. */
  const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  const width = async (l: Locator) => (await l.boundingBox())?.width ?? 0;

  test("the layout fits 390 px and the parameters sit under the chat", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    expect(await overflows(page)).toBe(false);
    const sendBox = await p.send.boundingBox();
    const tempBox = await p.param("temperature").boundingBox();
    expect(sendBox && tempBox && tempBox.y > sendBox.y).toBeTruthy();
  });

  test("the provider and model pickers keep a usable width and the model status stays on one line", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    const status = page.getByText(/^\d+ live models?$/);
    await expect(status).toBeVisible();
    for (const providerId of ["local", "neyra", "custom"]) {
      await p.provider.selectOption(providerId);
      expect(await width(p.provider), providerId).toBeGreaterThanOrEqual(160);
      expect(await width(p.model), providerId).toBeGreaterThanOrEqual(160);
      expect(await overflows(page), providerId).toBe(false);
    }
    await p.provider.selectOption("local");
    const lines = await status.evaluate((el) => el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight));
    expect(lines).toBeLessThan(1.5);
  });

  test("Code, Share, Import and Export fold into a menu that opens, keeps its dialogs and closes", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    const menu = page.getByRole("button", { name: "Code & sharing", exact: true });
    const button = (name: string) => page.getByRole("button", { name, exact: true });
    const [code, share] = [button("Code"), button("Share")];
    const actions = [code, share, button("Import"), button("Export")];
    for (const action of actions) await expect(action).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const action of actions) await expect(action).toBeVisible();
    expect(await overflows(page)).toBe(false);
    await code.click();
    const dialog = page.getByRole("dialog", { name: "Code" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(code).toBeFocused();
    await page.keyboard.press("Escape");
    for (const action of actions) await expect(action).toBeHidden();
    await expect(menu).toBeFocused();
    await menu.click();
    await expect(share).toBeVisible();
    await p.systemPrompt.click();
    await expect(share).toBeHidden();
  });
});

test.describe("wide screens", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("Code, Share, Import and Export sit in the header, with no menu", async ({ page }) => {
    const p = new PlaygroundPage(page);
    await p.goto();
    await expect(page.getByRole("button", { name: "Code & sharing", exact: true })).toBeHidden();
    for (const name of ["Code", "Share", "Import", "Export"]) await expect(page.getByRole("button", { name, exact: true })).toBeVisible();
  });
});
