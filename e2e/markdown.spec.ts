import { expect, test } from "@playwright/test";
import { startScriptedUpstream, type ScriptedUpstream } from "./fixtures/scripted-upstream";
import { PlaygroundPage } from "./pages/playground";

/** The code block of MARKDOWN_ANSWER (e2e/fixtures/answer-shapes.ts), as it must be copied. */
const CODE = [
  "def merge_sort(items: list[int]) -> list[int]:",
  "    if len(items) <= 1:",
  "        return items",
  "    middle = len(items) // 2",
  "    return merge(merge_sort(items[:middle]), merge_sort(items[middle:]))",
].join("\n");

/** Provider `custom` pointed at the scripted upstream; model "markdown" answers MARKDOWN_ANSWER. */
test.describe("Markdown answers", () => {
  let upstream: ScriptedUpstream;
  let p: PlaygroundPage;

  test.beforeEach(async ({ page }) => {
    upstream = await startScriptedUpstream();
    p = new PlaygroundPage(page);
    await p.goto();
    await p.chooseCustom(upstream.baseUrl, "markdown");
  });

  test.afterEach(async () => {
    await upstream.close();
  });

  for (const stream of [true, false]) {
    test(`the answer ${stream ? "streamed in uneven pieces" : "in one piece"} renders a heading, table, nested list, task list, link and highlighted code`, async () => {
      if (stream) await p.setStream();
      else await p.param("stream").uncheck();
      await p.ask("Compare sorting algorithms");
      await p.waitIdle();
      const answer = p.lastAssistant();
      await expect(answer.getByRole("heading", { name: "Comparison of sorting algorithms", level: 2 })).toBeVisible();
      const table = answer.getByRole("table");
      await expect(table.getByRole("columnheader")).toHaveText(["Algorithm", "Average", "Worst", "Stable"]);
      await expect(table.getByRole("row", { name: /Quicksort/ }).getByRole("cell")).toHaveText(["Quicksort", "O(n log n)", "O(n²)", "no"]);
      // "Steps to choose:" directly followed by "1." is a paragraph and an ordered list, nested two deep.
      const steps = answer.locator("ol").first();
      await expect(steps.locator(":scope > li")).toHaveCount(2);
      await expect(steps.locator(":scope > li > ul > li > ul > li")).toHaveText("merge sort when stability matters");
      // The task list's boxes (the answer's toolbar has checkboxes of its own).
      const boxes = answer.locator("[data-answer-text]").getByRole("checkbox");
      await expect(boxes).toHaveCount(2);
      await expect(boxes.first()).toBeChecked();
      await expect(boxes.last()).not.toBeChecked();
      await expect(answer.locator("em")).toHaveText(["emphasis"]);
      await expect(answer.getByText("read the snake_case_word docs")).toBeVisible();
      await expect(
        answer.getByRole("link", { name: "https://en.wikipedia.org/wiki/Sorting_algorithm_(computer_science)" }),
      ).toHaveAttribute("href", "https://en.wikipedia.org/wiki/Sorting_algorithm_(computer_science)");
      const code = answer.locator("pre code");
      await expect(code).toHaveText(CODE);
      await expect(code.locator(".hljs-keyword").first()).toHaveText("def");
      await expect(code.locator(".hljs-title")).toHaveText(["merge_sort"]);
      await expect(answer).not.toContainText("##");
      await expect(answer).not.toContainText("| ---");
    });
  }

  test("Copy code copies the code of its block", async ({ page }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await p.setStream();
    await p.ask("Compare sorting algorithms");
    await p.waitIdle();
    const copy = p.lastAssistant().getByRole("button", { name: "Copy code", exact: true });
    await expect(copy).toHaveCount(1);
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CODE);
  });

  test("the Markdown toggle shows the answer as plain text and back", async () => {
    await p.ask("Compare sorting algorithms");
    await p.waitIdle();
    await expect(p.lastAssistant().getByRole("table")).toBeVisible();
    await p.usePlainText();
    await expect(p.lastAssistant().getByRole("table")).toHaveCount(0);
    await expect(p.lastAssistant()).toContainText("## Comparison of sorting algorithms");
    await p.page.getByRole("checkbox", { name: "Markdown", exact: true }).first().check();
    await expect(p.lastAssistant().getByRole("table")).toBeVisible();
  });
});
