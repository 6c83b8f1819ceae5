import { expect, type Page, test } from "@playwright/test";
import { type FaultyUpstream, RATE_LIMIT_MESSAGE, startFaultyUpstream } from "./fixtures/faulty-upstream";
import { PlaygroundPage } from "./pages/playground";

/** Writes a conversation in the playground and opens Sweep from its navigation. */
async function sweepFromPlayground(page: Page, setup?: (p: PlaygroundPage) => Promise<void>) {
  const p = new PlaygroundPage(page);
  await p.goto();
  await p.message.fill("Describe the playground");
  await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
  await setup?.(p);
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Sweep" }).click();
  await expect(page.getByRole("region", { name: "Sweep", exact: true })).toBeVisible();
}

const axisValues = (page: Page, n: number) => page.getByLabel(`Axis ${n} values`, { exact: true });
const axisParam = (page: Page, n: number) => page.getByLabel(`Axis ${n} parameter`, { exact: true });
const results = (page: Page) => page.getByRole("table", { name: "Sweep results", exact: true });
const runSweep = (page: Page) => page.getByRole("button", { name: "Run sweep", exact: true });
const progress = (page: Page) => page.getByRole("region", { name: "Sweep" }).getByRole("status");

async function cellTexts(page: Page, row: number): Promise<string[]> {
  return results(page)
    .getByRole("row")
    .nth(row + 1)
    .locator("td[data-cell] [data-answer]")
    .allTextContents();
}

test.describe("sweeps on the local provider", () => {
  test("temperature × seed fills every cell; temperature 0 agrees across seeds, 1.5 differs", async ({ page }) => {
    await sweepFromPlayground(page, (p) => p.setNumber("max_tokens", 12));
    await axisValues(page, 1).fill("0, 1.5");
    await axisValues(page, 2).fill("1..3");
    await expect(page.getByTestId("cell-count")).toHaveText("This grid sends 6 requests.");
    await runSweep(page).click();
    await expect(progress(page)).toContainText("6 done · 0 failed · 0 cancelled · 0 remaining", { timeout: 20_000 });
    await expect(results(page).locator("td[data-cell] [data-answer]")).toHaveCount(6);
    const greedy = await cellTexts(page, 0);
    const hot = await cellTexts(page, 1);
    expect(new Set(greedy).size).toBe(1);
    expect(new Set(hot).size).toBe(3);
    await expect(results(page).locator("[data-row-summary='0']")).toContainText("distinct 1");
    await expect(results(page).locator("[data-row-summary='1']")).toContainText("distinct 3");
  });

  test("Cancel all stops the cells still to run and keeps the finished ones", async ({ page }) => {
    await sweepFromPlayground(page, async (p) => {
      await p.setStream();
      await p.setNumber("max_tokens", 400);
      await p.noEarlyEnd();
    });
    await axisValues(page, 1).fill("0.5, 1");
    await axisValues(page, 2).fill("1..6");
    await runSweep(page).click();
    await expect(progress(page)).toContainText("remaining");
    await page.getByRole("button", { name: "Cancel all", exact: true }).click();
    await expect(progress(page)).toContainText(" 0 remaining");
    const text = (await progress(page).textContent()) ?? "";
    const cancelled = Number(/(\d+) cancelled/.exec(text)?.[1] ?? 0);
    expect(cancelled).toBeGreaterThanOrEqual(4);
    await expect(runSweep(page)).toBeEnabled();
  });

  test("reload restores the grid and its results", async ({ page }) => {
    await sweepFromPlayground(page, (p) => p.setNumber("max_tokens", 5));
    await axisValues(page, 1).fill("0, 1");
    await axisValues(page, 2).fill("7, 8");
    await runSweep(page).click();
    await expect(progress(page)).toContainText("4 done");
    const before = await results(page).locator("td[data-cell] [data-answer]").allTextContents();
    await page.reload();
    await expect(axisValues(page, 2)).toHaveValue("7, 8");
    expect(await results(page).locator("td[data-cell] [data-answer]").allTextContents()).toEqual(before);
  });

  test("bad input is refused with a clear message before anything is sent", async ({ page }) => {
    await sweepFromPlayground(page);
    await axisValues(page, 1).fill("");
    await expect(page.getByRole("alert").filter({ hasText: "temperature" })).toBeVisible();
    await expect(runSweep(page)).toBeDisabled();
    await axisValues(page, 1).fill("0..1 step 0.01");
    await axisValues(page, 2).fill("1..6");
    await expect(page.getByRole("alert").filter({ hasText: "606" })).toContainText("500");
    await expect(runSweep(page)).toBeDisabled();
    await axisValues(page, 1).fill("0, 3");
    await axisValues(page, 2).fill("1");
    // Out of the documented range: warned, not refused (the user may send it on purpose).
    await expect(page.getByRole("listitem").filter({ hasText: /^Axis 'temperature': / })).toBeVisible();
    await expect(runSweep(page)).toBeEnabled();
  });

  test("more than 50 cells asks first", async ({ page }) => {
    await sweepFromPlayground(page, (p) => p.setNumber("max_tokens", 1));
    await axisValues(page, 1).fill("0..1 step 0.1");
    await axisValues(page, 2).fill("1..5");
    await runSweep(page).click();
    const ask = page.getByRole("alertdialog", { name: "Confirm sweep" });
    await expect(ask).toContainText("55 requests");
    await ask.getByRole("button", { name: "Not now" }).click();
    await expect(progress(page)).toContainText("Not run yet");
  });
});

test.describe("a sweep with a failing target", () => {
  let upstream: FaultyUpstream;
  test.beforeEach(async () => {
    upstream = await startFaultyUpstream("429");
  });
  test.afterEach(async () => {
    await upstream.close();
  });

  test("a cell pointed at an upstream answering 429 fails alone and can be retried", async ({ page }) => {
    await sweepFromPlayground(page, (p) => p.setNumber("max_tokens", 4));
    await axisParam(page, 1).selectOption("provider/model");
    await axisValues(page, 1).fill(`local:local-ngram\ncustom:faulty-model @ ${upstream.baseUrl}`);
    await axisValues(page, 2).fill("1, 2");
    await runSweep(page).click();
    await expect(progress(page)).toContainText("2 done · 2 failed");
    const failedRow = results(page).getByRole("row").nth(2);
    await expect(failedRow).toContainText("HTTP 429");
    await expect(failedRow).toContainText(RATE_LIMIT_MESSAGE);
    await expect(results(page).getByRole("row").nth(1).locator("[data-answer]")).toHaveCount(2);
    upstream.mode = "ok";
    await failedRow
      .getByRole("button", { name: /^Retry cell/ })
      .first()
      .click();
    await expect(failedRow.locator("[data-answer]")).toHaveCount(1);
    await expect(results(page).getByRole("row").nth(1).locator("[data-answer]")).toHaveCount(2);
  });
});

test("a sweep link opened in a fresh browser context restores the grid (not its results)", async ({ page, browser }) => {
  await sweepFromPlayground(page, (p) => p.setNumber("max_tokens", 3));
  await axisValues(page, 1).fill("0.25, 0.75");
  await axisParam(page, 2).selectOption("top_k");
  await axisValues(page, 2).fill("1, 5");
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const field = page.getByRole("dialog", { name: "Share" }).getByLabel("Share link", { exact: true });
  await expect(field).toHaveValue(/#/);
  const url = await field.inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  const ask = other.getByRole("dialog", { name: "Open shared session" });
  await expect(ask).toContainText("Sweep over temperature (2) × top_k (2)");
  await ask.getByRole("button", { name: "Replace my session" }).click();
  await expect(axisValues(other, 1)).toHaveValue("0.25, 0.75");
  await expect(axisParam(other, 2)).toHaveValue("top_k");
  await expect(other.getByTestId("cell-count")).toHaveText("This grid sends 4 requests.");
  await runSweep(other).click();
  await expect(progress(other)).toContainText("4 done");
  await fresh.close();
});

test("Sweep opened from compare takes the compare view's request as its base", async ({ page }) => {
  const p = new PlaygroundPage(page);
  await p.goto();
  await p.message.fill("Describe the playground");
  await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
  await p.setNumber("max_tokens", 3);
  const nav = page.getByRole("navigation", { name: "Pages" });
  await nav.getByRole("link", { name: "Compare" }).click();
  await expect(page.getByRole("region", { name: "Target 1", exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "Sweep" }).click();
  const sweep = page.getByRole("region", { name: "Sweep", exact: true });
  await expect(sweep).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "compare view's conversation with its baseline target" })).toBeVisible();
  await expect(sweep).toContainText("local · local-ngram · 1 message");
  expect(new URL(page.url()).search).toBe("");
});

test("a past sweep is reopened from history with its grid and results", async ({ page }) => {
  await sweepFromPlayground(page, (p) => p.setNumber("max_tokens", 4));
  await axisValues(page, 1).fill("0, 1");
  await axisValues(page, 2).fill("11");
  await runSweep(page).click();
  await expect(progress(page)).toContainText("2 done");
  const first = await results(page).locator("td[data-cell] [data-answer]").allTextContents();
  await axisValues(page, 1).fill("0.5");
  await axisValues(page, 2).fill("21, 22, 23");
  await runSweep(page).click();
  await expect(progress(page)).toContainText("3 done");
  await page.getByText(/^History \(2\)$/).click();
  const list = page.getByRole("list", { name: "Sweep history", exact: true });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByRole("listitem").first()).toContainText("temperature (1) × seed (3)");
  await list
    .getByRole("listitem")
    .nth(1)
    .getByRole("button", { name: /^Open sweep from / })
    .click();
  await expect(axisValues(page, 1)).toHaveValue("0, 1");
  await expect(axisValues(page, 2)).toHaveValue("11");
  expect(await results(page).locator("td[data-cell] [data-answer]").allTextContents()).toEqual(first);
  await page.reload();
  await page.getByText(/^History \(2\)$/).click();
  await expect(page.getByRole("list", { name: "Sweep history", exact: true }).getByRole("listitem")).toHaveCount(2);
});

test("with logprobs on, cells shade their tokens and two cells overlay where they diverge first", async ({ page }) => {
  await sweepFromPlayground(page, async (p) => {
    await p.param("logprobs").check();
    await p.setNumber("top_logprobs", 2);
    await p.setNumber("max_tokens", 10);
    await p.noEarlyEnd();
  });
  await axisValues(page, 1).fill("1.5");
  await axisValues(page, 2).fill("1, 2, 3");
  await runSweep(page).click();
  await expect(progress(page)).toContainText("3 done");
  await page.getByRole("checkbox", { name: "Shade by probability" }).check();
  await expect(results(page).locator("td[data-cell] [data-answer-text] span")).toHaveCount(30);
  const overlay = page.getByRole("region", { name: "Overlay", exact: true });
  await overlay.getByLabel("Second cell").selectOption({ index: 1 });
  await expect(overlay.getByTestId("divergence")).toContainText(/They diverge first at token \d+/);
  await overlay.getByLabel("Second cell").selectOption({ index: 0 });
  await expect(overlay.getByTestId("divergence")).toHaveText("The two answers are the same, token for token.");
});

test("a sweep starts on /sweep with its own composer, without the playground", async ({ page }) => {
  await page.goto("/sweep");
  const sweep = page.getByRole("region", { name: "Sweep", exact: true });
  await expect(sweep).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "The base request has no messages" })).toBeVisible();
  await expect(runSweep(page)).toBeDisabled();
  await page.getByText("Edit the base request", { exact: true }).click();
  const conversation = page.getByRole("region", { name: "Base conversation", exact: true });
  await conversation.getByLabel("New message", { exact: true }).fill("Describe the playground");
  await conversation.getByRole("button", { name: "Add message", exact: true }).click();
  const target = page.getByRole("region", { name: "Base target", exact: true });
  await target.locator("summary").filter({ hasText: "Parameters of the base request" }).click();
  await target.getByLabel("max_tokens", { exact: true }).fill("3");
  // A new session streams, so stream counts as set beside max_tokens.
  await expect(sweep).toContainText("local · local-ngram · 1 message · 2 parameters set");
  await axisValues(page, 1).fill("0, 1");
  await axisValues(page, 2).fill("5");
  await runSweep(page).click();
  await expect(progress(page)).toContainText("2 done · 0 failed");
  await page.reload();
  await expect(sweep).toContainText("local · local-ngram · 1 message");
});
