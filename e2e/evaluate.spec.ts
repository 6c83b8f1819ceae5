import { expect, type Locator, type Page, test } from "@playwright/test";
import { type FaultyUpstream, RATE_LIMIT_MESSAGE, startFaultyUpstream } from "./fixtures/faulty-upstream";
import { PlaygroundPage } from "./pages/playground";

const PERSON = { type: "object", properties: { name: { type: "string" }, age: { type: "integer" } }, required: ["name", "age"] };

/** Writes a template message in the playground and opens Evaluate from its navigation. */
async function evaluateFromPlayground(page: Page, message: string, maxTokens: number, stream = true) {
  const p = new PlaygroundPage(page);
  await p.goto();
  await p.setNumber("max_tokens", maxTokens);
  if (!stream) await p.param("stream").uncheck();
  await p.message.fill(message);
  await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Evaluate" }).click();
  await expect(region(page)).toBeVisible();
}

const region = (page: Page) => page.getByRole("region", { name: "Evaluate", exact: true });
const target = (page: Page, n: number) => region(page).getByRole("region", { name: `Target ${n}`, exact: true });
const results = (page: Page) => page.getByRole("table", { name: "Evaluation results", exact: true });
const progress = (page: Page) => page.getByTestId("eval-progress");
const runButton = (page: Page) => page.getByRole("button", { name: "Run evaluation", exact: true });
/** Cell (case row, target column), both 1-based. */
const cell = (page: Page, row: number, col: number) =>
  results(page)
    .locator("tbody tr")
    .nth(row - 1)
    .locator("td[data-eval-cell]")
    .nth(col - 1);

async function targetParam(t: Locator, n: number, name: string): Promise<Locator> {
  const details = t.locator("details").filter({ hasText: `Parameters of Target ${n}` });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  return t.getByLabel(name, { exact: true });
}

async function addAssertion(page: Page, kind: string) {
  await page.getByRole("combobox", { name: "Kind of new assertion", exact: true }).selectOption({ label: kind });
  await page.getByRole("button", { name: "Add assertion", exact: true }).click();
}

test("three cases × guided_json vs free target × 3 repeats: the guided target holds the schema every time, the other shows its real rate; reload keeps it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await evaluateFromPlayground(page, "Describe {{topic}} as a person.", 120);
  await expect(page.getByTestId("template-variables")).toHaveText("Variables: {{topic}}");
  await page.getByRole("button", { name: "Add target", exact: true }).click();
  await expect(target(page, 2)).toBeVisible();
  await (await targetParam(target(page, 1), 1, "guided_json")).fill(JSON.stringify(PERSON));
  await page.getByRole("textbox", { name: "Cases", exact: true }).fill("topic\ntides\nmoons\nrivers\n");
  await expect(page.getByTestId("case-summary")).toHaveText("3 cases (CSV) · columns topic");
  await page.getByRole("spinbutton", { name: "Repeats" }).fill("3");
  await addAssertion(page, "JSON Schema holds");
  await page.getByLabel("JSON Schema of assertion 1", { exact: true }).fill(JSON.stringify(PERSON));
  await expect(page.getByTestId("request-count")).toHaveText("3 cases × 2 targets × 3 repeats: 18 requests.");
  await runButton(page).click();
  await expect(progress(page)).toHaveText("18 done · 0 failed · 0 cancelled · 0 remaining", { timeout: 60_000 });

  const cells = results(page).locator("td[data-eval-cell]");
  await expect(cells).toHaveCount(6);
  for (const text of await cells.allTextContents()) expect(text).toMatch(/[✓✗]/);
  const guided = results(page).locator("[data-target-summary='1']");
  await expect(guided).toContainText("Pass rate 100 % (9 of 9) · 95 % CI 70 %–100 %");
  for (let row = 1; row <= 3; row++) await expect(cell(page, row, 1)).toContainText("✓ JSON Schema holds 3/3");
  // The free target's rate is what its cells show, counted here from them.
  let passed = 0;
  for (let row = 1; row <= 3; row++) {
    const summary = (await cell(page, row, 2).locator("[data-cell-summary]").textContent()) ?? "";
    passed += Number(/^(\d+) of 3 passed/.exec(summary)?.[1] ?? Number.NaN);
  }
  await expect(results(page).locator("[data-target-summary='2']")).toContainText(
    `Pass rate ${Math.round((passed / 9) * 100)} % (${passed} of 9)`,
  );
  expect(passed).toBeLessThan(9);
  const failing = cell(page, 1, 2).getByRole("listitem").first();
  await expect(failing).toHaveAttribute("title", /not JSON|not valid/);

  const before = await results(page).textContent();
  await page.reload();
  await expect(results(page)).toBeVisible();
  expect(await results(page).textContent()).toBe(before);
  await expect(page.getByRole("textbox", { name: "Cases", exact: true })).toHaveValue("topic\ntides\nmoons\nrivers\n");
});

test.describe("a target whose upstream answers 429", () => {
  let upstream: FaultyUpstream;
  test.beforeEach(async () => {
    upstream = await startFaultyUpstream("429");
  });
  test.afterEach(async () => {
    await upstream.close();
  });

  test("fails alone, keeps the provider's words, and its cell is retried alone", async ({ page }) => {
    await evaluateFromPlayground(page, "Tell me about {{topic}}.", 6);
    await page.getByRole("button", { name: "Add target", exact: true }).click();
    const t2 = target(page, 2);
    await t2.getByRole("combobox", { name: "Provider", exact: true }).selectOption("custom");
    await t2.getByLabel("Base URL", { exact: true }).fill(upstream.baseUrl);
    await t2.getByRole("combobox", { name: "Model", exact: true }).fill("faulty-model");
    await page.getByRole("textbox", { name: "Cases", exact: true }).fill("topic\ntides\nmoons");
    await addAssertion(page, "Answer length within");
    await runButton(page).click();
    await expect(progress(page)).toHaveText("2 done · 2 failed · 0 cancelled · 0 remaining", { timeout: 20_000 });
    for (const row of [1, 2]) {
      await expect(cell(page, row, 1)).toContainText("✓");
      await expect(cell(page, row, 2)).toContainText(`✗ 1 request failed: HTTP 429: ${RATE_LIMIT_MESSAGE}`);
    }
    await expect(results(page).locator("[data-target-summary='2']")).toContainText("2 requests failed (not counted)");
    const firstAnswers = await cell(page, 1, 1).locator("[data-answer]").allTextContents();
    upstream.mode = "ok";
    await cell(page, 1, 2).getByRole("button", { name: "Retry case 1 on Target 2", exact: true }).click();
    await expect(cell(page, 1, 2)).toContainText("1 of 1 passed");
    await expect(cell(page, 1, 2)).not.toContainText("request failed");
    await expect(cell(page, 2, 2)).toContainText("HTTP 429");
    expect(await cell(page, 1, 1).locator("[data-answer]").allTextContents()).toEqual(firstAnswers);
    await page.reload();
    await expect(cell(page, 1, 2)).toContainText("1 of 1 passed");
    await expect(cell(page, 2, 2)).toContainText("HTTP 429");
  });
});

test("bad input is named before sending; an expression runs in the sandbox and one that runs too long marks its cell", async ({ page }) => {
  await evaluateFromPlayground(page, "Say {{topic}} in {{lang}}.", 4);
  const cases = page.getByRole("textbox", { name: "Cases", exact: true });
  await cases.fill("topic\ntides\nmoons");
  const problems = page.getByRole("alert", { name: "Problems" });
  await expect(problems).toContainText("The template uses {{lang}}, but no case has a 'lang' column.");
  await expect(runButton(page)).toBeDisabled();
  await cases.fill("topic,lang\ntides,en\nbroken\nmoons,fr");
  await expect(page.getByRole("list", { name: "Rows left out" })).toContainText("Line 3: 1 field; the header has 2.");
  await addAssertion(page, "Matches regex");
  await page.getByLabel("Pattern of assertion 1", { exact: true }).fill("([a-z]");
  await expect(problems).toContainText("Assertion 1 (Matches /([a-z]/): invalid regex");
  await page.getByRole("button", { name: "Remove assertion 1", exact: true }).click();
  await addAssertion(page, "JavaScript expression");
  await page.getByLabel("Expression of assertion 1", { exact: true }).fill("output.length >");
  await expect(problems).toContainText("Assertion 1 (Expression “output.length >”): The expression does not compile:");
  await page
    .getByLabel("Expression of assertion 1", { exact: true })
    .fill("vars.topic === 'tides' && typeof window === 'undefined' && typeof fetch === 'undefined'");
  await addAssertion(page, "JavaScript expression");
  await page.getByLabel("Expression of assertion 2", { exact: true }).fill("vars.lang === 'fr' ? (() => { for (;;) {} })() : true");
  await expect(problems).toHaveCount(0);
  await runButton(page).click();
  await expect(progress(page)).toHaveText("2 done · 0 failed · 0 cancelled · 0 remaining", { timeout: 20_000 });
  const items = (row: number) => cell(page, row, 1).getByRole("listitem");
  await expect(items(1).nth(0)).toHaveText(/^✓ /);
  await expect(items(1).nth(1)).toHaveText(/^✓ /);
  await expect(items(2).nth(0)).toHaveText(/^✗ /);
  await expect(items(2).nth(1)).toHaveText(/^✗ /);
  await expect(items(2).nth(1)).toHaveAttribute("title", "The expression ran longer than 1000 ms and was stopped.");
  await expect(cell(page, 2, 1)).toContainText("0 of 1 passed");
});

test("export JSON and CSV, a share link of the definition (no results) in a fresh context, and the last runs in history", async ({
  page,
  browser,
}) => {
  await evaluateFromPlayground(page, "Say {{topic}}.", 4);
  const cases = page.getByRole("textbox", { name: "Cases", exact: true });
  await cases.fill("topic\ntides\nmoons");
  await addAssertion(page, "Contains");
  await page.getByLabel("Text of assertion 1", { exact: true }).fill("e");
  await runButton(page).click();
  await expect(progress(page)).toContainText("2 done");
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV", exact: true }).click();
  const csv = await (await csvDownload).createReadStream().then(async (s) => {
    let text = "";
    for await (const chunk of s) text += chunk;
    return text;
  });
  expect(csv.split("\r\n")[0]).toBe(
    "case_line,topic,expected,target,provider,model,repeat,status,passed,Contains “e”,finish_reason,ttft_ms,total_ms,prompt_tokens,completion_tokens,text,error",
  );
  expect(csv.split("\r\n").filter((l) => l !== "")).toHaveLength(3);
  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON", exact: true }).click();
  expect((await jsonDownload).suggestedFilename()).toMatch(/^evaluation-.*\.json$/);

  await cases.fill("topic\nrivers");
  await runButton(page).click();
  await expect(progress(page)).toContainText("1 done");
  await page.getByText(/^History \(2\)$/).click();
  const list = page.getByRole("list", { name: "Evaluation history", exact: true });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await list
    .getByRole("listitem")
    .nth(1)
    .getByRole("button", { name: /^Open evaluation from / })
    .click();
  await expect(cases).toHaveValue("topic\ntides\nmoons");
  await expect(results(page).locator("td[data-eval-cell]")).toHaveCount(2);

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const field = page.getByRole("dialog", { name: "Share" }).getByLabel("Share link", { exact: true });
  await expect(field).toHaveValue(/#s=/);
  const url = await field.inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  const ask = other.getByRole("dialog", { name: "Open shared session" });
  await expect(ask).toContainText("Evaluation on 1 target × 1 repeat, 1 assertion");
  await ask.getByRole("button", { name: "Replace my session" }).click();
  await expect(other.getByRole("textbox", { name: "Cases", exact: true })).toHaveValue("topic\ntides\nmoons");
  await expect(other.getByLabel("Text of assertion 1", { exact: true })).toHaveValue("e");
  await expect(other.getByRole("table", { name: "Evaluation results" })).toHaveCount(0);
  await other.getByRole("button", { name: "Run evaluation", exact: true }).click();
  await expect(other.getByTestId("eval-progress")).toContainText("2 done");
  await fresh.close();
});

test("a price entered once shows costs in evaluate, compare and sweep", async ({ page }) => {
  test.setTimeout(60_000);
  // Not streamed: a stream carries no usage unless asked (stream_options), and no usage means no cost.
  await evaluateFromPlayground(page, "Say {{topic}}.", 5, false);
  await page.getByRole("textbox", { name: "Cases", exact: true }).fill("topic\ntides");
  await page.getByText(/^Prices \(0\)$/).click();
  await page.getByRole("button", { name: "Add price", exact: true }).click();
  await expect(page.getByLabel("Provider of price 1", { exact: true })).toHaveValue("local");
  await page.getByLabel("Model of price 1", { exact: true }).fill("local-ngram");
  // A dollar per token makes the cost the token count, so it can be checked against the counts shown.
  await page.getByLabel("Input $ per million tokens of price 1", { exact: true }).fill("1000000");
  await page.getByLabel("Output $ per million tokens of price 1", { exact: true }).fill("1000000");
  await runButton(page).click();
  await expect(progress(page)).toContainText("1 done");
  const summary = results(page).locator("[data-target-summary='1']");
  await expect(summary).toContainText("cost $");
  const text = (await summary.textContent()) ?? "";
  const [, inTokens, outTokens, dollars] = /Tokens (\d+) in · (\d+) out · cost \$([\d.]+)/.exec(text) ?? [];
  expect(Number(dollars)).toBe(Number(inTokens) + Number(outTokens));
  expect(Number(outTokens)).toBeGreaterThan(0);

  const nav = page.getByRole("navigation", { name: "Pages" });
  await nav.getByRole("link", { name: "Compare" }).click();
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Hello");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const compareResults = page.getByRole("table", { name: "Results", exact: true });
  await expect(compareResults.getByRole("columnheader", { name: "Cost per run" })).toBeVisible({ timeout: 15_000 });
  await expect(compareResults.locator("[data-cost]").first()).toHaveText(/^\$\d+\.0000/);

  await nav.getByRole("link", { name: "Sweep" }).click();
  await page.getByLabel("Axis 1 values", { exact: true }).fill("0");
  await page.getByLabel("Axis 2 values", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Run sweep", exact: true }).click();
  await expect(page.getByTestId("sweep-cost")).toHaveText(/^Cost at your prices: \$\d+\.0000 over 1 cell$/);
});

test("Cancel all stops the runs still to come and keeps the finished ones", async ({ page }) => {
  const p = new PlaygroundPage(page);
  await p.goto();
  await p.setStream();
  await p.setNumber("max_tokens", 400);
  await p.noEarlyEnd();
  await p.message.fill("Tell me about {{topic}}.");
  await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Evaluate" }).click();
  await page
    .getByRole("textbox", { name: "Cases", exact: true })
    .fill(["topic", ...Array.from({ length: 10 }, (_, i) => `t${i}`)].join("\n"));
  await page.getByRole("spinbutton", { name: "Repeats" }).fill("3");
  await runButton(page).click();
  // Cancelled once some runs have finished (30 runs of ~2 s, four at a time, leave time to).
  await expect(progress(page)).toHaveText(/^[1-9]\d* done .* [1-9]\d* remaining$/, { timeout: 15_000 });
  await page.getByRole("button", { name: "Cancel all", exact: true }).click();
  await expect(progress(page)).toContainText(" 0 remaining");
  const text = (await progress(page).textContent()) ?? "";
  expect(Number(/(\d+) cancelled/.exec(text)?.[1] ?? 0)).toBeGreaterThanOrEqual(20);
  const done = Number(/^(\d+) done/.exec(text)?.[1] ?? Number.NaN);
  expect(done).toBeGreaterThanOrEqual(1);
  await expect(results(page).locator("[data-answer]")).toHaveCount(done);
  await expect(runButton(page)).toBeEnabled();
  await expect(page.getByRole("button", { name: "Cancel all", exact: true })).toBeDisabled();
});
