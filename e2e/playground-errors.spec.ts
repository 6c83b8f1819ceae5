import { expect, test } from "@playwright/test";
import { type FaultyUpstream, HALF_ANSWER, RATE_LIMIT_MESSAGE, startFaultyUpstream } from "./fixtures/faulty-upstream";
import { PlaygroundPage } from "./pages/playground";

/** Provider `custom` pointed at a misbehaving upstream on loopback (the test server allows it). */
test.describe("upstream errors and user keys", () => {
  let upstream: FaultyUpstream;
  let p: PlaygroundPage;

  test.beforeEach(async ({ page }) => {
    upstream = await startFaultyUpstream();
    p = new PlaygroundPage(page);
    await p.goto();
    await p.chooseCustom(upstream.baseUrl);
  });

  test.afterEach(async () => {
    await upstream.close();
  });

  test("an upstream 429 shows its status and message and keeps the conversation", async () => {
    upstream.mode = "429";
    await p.systemPrompt.fill("A system prompt to keep");
    await p.ask("Will this be rate limited?");
    const alert = p.errorAlert();
    await expect(alert).toContainText("429");
    await expect(alert).toContainText(RATE_LIMIT_MESSAGE);
    await expect(p.articles("user")).toContainText("Will this be rate limited?");
    await expect(p.systemPrompt).toHaveValue("A system prompt to keep");
    await p.rawResponseTab.click();
    await expect(p.page.getByRole("region", { name: "Raw response" })).toContainText("HTTP 429");
  });

  test("a stream that breaks off shows an error and keeps what arrived, marked interrupted", async () => {
    upstream.mode = "break";
    await p.setStream();
    await p.usePlainText();
    await p.ask("Break please");
    await expect(p.errorAlert()).toBeVisible({ timeout: 10_000 });
    await expect(p.lastAssistant()).toContainText(HALF_ANSWER);
    await expect(p.lastAssistant()).toContainText("interrupted");
    await expect(p.articles("user")).toContainText("Break please");
    await expect(p.send).toBeEnabled();
  });

  test("a data line that is not JSON is shown as an error, in the event list too", async () => {
    upstream.mode = "bad-line";
    await p.setStream();
    await p.ask("Send garbage");
    await expect(p.errorAlert()).toContainText("not JSON");
    await expect(p.lastAssistant()).toContainText("The first half");
    await p.rawResponseTab.click();
    await expect(p.page.getByRole("list", { name: "SSE events" })).toContainText("<html>502 Bad Gateway</html>");
  });

  test("a long stream of 20,000 events finishes and the event list stays small", async ({ page }) => {
    upstream.mode = "long";
    await p.setStream();
    await p.usePlainText();
    await p.ask("Go long");
    await p.waitIdle(20_000);
    await expect(p.lastAssistant()).toContainText("finish_reason: stop");
    await p.rawResponseTab.click();
    await expect(page.getByRole("region", { name: "Raw response" })).toContainText("SSE events (20002)");
    const rows = await page.getByRole("list", { name: "SSE events" }).getByRole("listitem").count();
    expect(rows).toBeLessThan(60);
    await p.message.fill("still responsive");
    await expect(p.message).toHaveValue("still responsive");
  });

  test("a user key is sent as Authorization, shown masked and not stored unless remembered", async ({ page }) => {
    const key = "sk-e2e-secret-key-9876";
    await page.getByLabel("Use my own key", { exact: true }).fill(key);
    await p.ask("Who am I?");
    await p.waitIdle();
    const chat = upstream.requests.filter((r) => r.path.endsWith("/chat/completions"));
    expect(chat.at(-1)?.authorization).toBe(`Bearer ${key}`);
    await p.rawRequestTab.click();
    const raw = page.getByRole("region", { name: "Raw request" });
    await expect(raw).toContainText("Authorization: Bearer sk-…9876");
    await expect(raw).not.toContainText(key);
    const dump = async () => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    await page.waitForTimeout(400);
    expect(await dump()).not.toContain(key);
    await page.getByRole("checkbox", { name: "remember", exact: true }).check();
    expect(await dump()).toContain(key);
    const stored = await page.evaluate(() => localStorage.getItem("playground.keys.custom"));
    expect(stored).toBe(key);
    // History and the session never hold it, remembered or not.
    const others = await page.evaluate(() =>
      JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.startsWith("playground.keys."))),
    );
    expect(others).not.toContain(key);
    await page.getByRole("checkbox", { name: "remember", exact: true }).uncheck();
    expect(await dump()).not.toContain(key);
  });
});
