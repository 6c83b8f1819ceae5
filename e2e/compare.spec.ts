import { expect, test } from "@playwright/test";
import { type FaultyUpstream, RATE_LIMIT_MESSAGE, startFaultyUpstream } from "./fixtures/faulty-upstream";
import { ComparePage } from "./pages/compare";
import { PlaygroundPage } from "./pages/playground";

/** `/compare` against the built-in local provider (and a loopback fake for failures). */
test.describe("compare", () => {
  let c: ComparePage;

  test.beforeEach(async ({ page }) => {
    c = new ComparePage(page);
    await c.goto();
    await expect(c.targets()).toHaveCount(2);
  });

  test("two local targets with different seeds stream at once and differ", async () => {
    for (const n of [1, 2]) {
      await (await c.param(n, "stream")).check();
      await c.setParam(n, "temperature", "1");
      await c.setParam(n, "max_tokens", "120");
      await c.setParam(n, "logit_bias", '{"0": -100}');
    }
    await c.setParam(1, "seed", "1");
    await c.setParam(2, "seed", "2");
    await c.message.fill("Tell me about sampling");
    await c.send.click();
    await expect(c.target(1).getByRole("button", { name: "Stop this target" })).toBeVisible();
    await expect(c.target(2).getByRole("button", { name: "Stop this target" })).toBeVisible();
    await c.waitIdle();
    const [a, b] = [await c.answerText(1), await c.answerText(2)];
    expect(a.length).toBeGreaterThan(20);
    expect(b.length).toBeGreaterThan(20);
    expect(a).not.toBe(b);
  });

  test("Stop stops every target and keeps what arrived", async () => {
    for (const n of [1, 2]) {
      await (await c.param(n, "stream")).check();
      await c.setParam(n, "max_tokens", "2000");
      await c.setParam(n, "logit_bias", '{"0": -100}');
    }
    await c.message.fill("A long one");
    await c.send.click();
    await expect(c.stop).toBeEnabled();
    await expect.poll(async () => (await c.answerText(1)).length).toBeGreaterThan(5);
    await c.stop.click();
    for (const n of [1, 2]) {
      await expect(c.target(n).getByRole("button", { name: "Retry this target" })).toBeVisible();
      await expect(c.answer(n)).toContainText("stopped by you");
    }
    await expect(c.stop).toBeDisabled();
  });

  test("the results table fills with medians over repeats, and the diff names the parameter that differs", async ({ page }) => {
    for (const n of [1, 2]) await c.setParam(n, "max_tokens", "8");
    await c.setParam(2, "temperature", "0.9");
    await page.getByLabel("Repeats", { exact: true }).fill("3");
    await c.message.fill("Numbers please");
    await c.send.click();
    await c.waitIdle();
    const rows = c.results.getByRole("row");
    await expect(rows).toHaveCount(3);
    for (const n of [1, 2]) {
      const row = c.results.getByRole("row", { name: new RegExp(`^Target ${n}\\b`) });
      await expect(row).toContainText("3/3");
      await expect(row.getByRole("cell").nth(1)).toHaveText(/\d+ ms/);
    }
    await expect(c.results.locator("[data-best]").first()).toBeVisible();
    await expect(page.getByTestId("param-differences")).toContainText("temperature: (not set) → 0.9");
  });

  test("choosing a target's answer continues the conversation in every target", async ({ page }) => {
    for (const n of [1, 2]) await c.setParam(n, "max_tokens", "6");
    await c.setParam(2, "seed", "5");
    await c.message.fill("First turn");
    await c.send.click();
    await c.waitIdle();
    const chosen = await c.answerText(2);
    await c.target(2).getByRole("button", { name: "Use this answer" }).click();
    const conversation = page.getByRole("region", { name: "Conversation", exact: true });
    await expect(conversation.getByRole("article", { name: "assistant" })).toHaveCount(1);
    await c.message.fill("Second turn");
    await c.send.click();
    await c.waitIdle();
    for (const n of [1, 2]) {
      const body = (await c.rawRequestBody(n)) as { messages: { role: string; content: string }[] };
      expect(body.messages).toEqual([
        { role: "user", content: "First turn" },
        { role: "assistant", content: chosen },
        { role: "user", content: "Second turn" },
      ]);
    }
  });

  test("reload restores the targets and their settings", async ({ page }) => {
    await c.addTarget.click();
    await expect(c.targets()).toHaveCount(3);
    await c.setParam(3, "temperature", "1.3");
    await c.target(1).getByRole("button", { name: "Remove target" }).click();
    await expect(c.targets()).toHaveCount(2);
    await page.reload();
    await expect(c.targets()).toHaveCount(2);
    await expect(await c.param(2, "temperature")).toHaveValue("1.3");
  });

  test("a compare share link opened in a fresh browser context restores the columns", async ({ page, browser }) => {
    await c.setParam(2, "temperature", "0.7");
    await c.addTarget.click();
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const field = page.getByRole("dialog", { name: "Share" }).getByLabel("Share link", { exact: true });
    await expect(field).toHaveValue(/#/);
    const url = await field.inputValue();
    const fresh = await browser.newContext();
    const other = new ComparePage(await fresh.newPage());
    await other.goto(url);
    await other.page.getByRole("dialog", { name: "Open shared session" }).getByRole("button", { name: "Replace my session" }).click();
    await expect(other.targets()).toHaveCount(3);
    await expect(await other.param(2, "temperature")).toHaveValue("0.7");
    await expect(await other.param(3, "temperature")).toHaveValue("0.7");
    await fresh.close();
  });
});

test.describe("compare with a failing target", () => {
  let upstream: FaultyUpstream;

  test.beforeEach(async () => {
    upstream = await startFaultyUpstream("429");
  });
  test.afterEach(async () => {
    await upstream.close();
  });

  test("a target answering 429 shows its error while the other completes", async ({ page }) => {
    const c = new ComparePage(page);
    await c.goto();
    await c.setParam(1, "max_tokens", "10");
    const t2 = c.target(2);
    await t2.getByRole("combobox", { name: "Provider", exact: true }).selectOption("custom");
    await t2.getByLabel("Base URL", { exact: true }).fill(upstream.baseUrl);
    await t2.getByRole("combobox", { name: "Model", exact: true }).fill("faulty-model");
    await c.message.fill("Who wins?");
    await c.send.click();
    await c.waitIdle();
    await expect(t2.getByRole("alert")).toContainText("429");
    await expect(t2.getByRole("alert")).toContainText(RATE_LIMIT_MESSAGE);
    expect((await c.answerText(1)).length).toBeGreaterThan(0);
    await expect(c.answer(1)).toContainText("done");
    await expect(c.results.getByRole("row", { name: /^Target 2\b/ })).toContainText("0/1");
  });
});

test("the playground's session opens in compare from the navigation", async ({ page }) => {
  const p = new PlaygroundPage(page);
  await p.goto();
  await p.systemPrompt.fill("Carried over");
  await p.setNumber("temperature", 0.6);
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Compare" }).click();
  const c = new ComparePage(page);
  await expect(c.target(1)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "System prompt", exact: true })).toHaveValue("Carried over");
  await expect(await c.param(1, "temperature")).toHaveValue("0.6");
  await expect(page).toHaveURL(/\/compare$/);
});
