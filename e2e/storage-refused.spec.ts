import { expect, type Page, test } from "@playwright/test";
import { ComparePage } from "./pages/compare";
import { PlaygroundPage } from "./pages/playground";

/**
 * Some private modes and sandboxed frames throw on `window.localStorage`. Every page still opens
 * and runs, and says that what it holds will not outlive the tab.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
});

const notice = (page: Page, text: RegExp) => page.getByRole("status").filter({ hasText: text });

test("the playground runs, keeps its run in the tab's history and says storage is refused", async ({ page }) => {
  const p = new PlaygroundPage(page);
  await p.goto();
  await expect(notice(page, /does not allow reading the saved session/)).toBeVisible();
  await p.ask("Hello");
  await p.waitIdle();
  await expect(p.articles("assistant")).toHaveCount(1);
  await expect(notice(page, /Could not save the session: this browser does not allow storage/)).toBeVisible();
});

test("compare opens and runs, and says it cannot save", async ({ page }) => {
  const c = new ComparePage(page);
  await c.goto();
  await expect(notice(page, /does not allow (reading the saved compare view|storage)/)).toBeVisible();
  await c.message.fill("Hello");
  await c.send.click();
  await c.waitIdle();
  expect((await c.answerText(1)).length).toBeGreaterThan(0);
});

for (const [path, what] of [
  ["/sweep", "sweep"],
  ["/evaluate", "evaluation"],
] as const) {
  test(`${path} opens and says the saved ${what} cannot be read or kept`, async ({ page }) => {
    await page.goto(path);
    // the page saves at once, and that notice may replace the first
    await expect(notice(page, new RegExp(`does not allow (reading the saved ${what}|storage)`))).toBeVisible();
  });
}
