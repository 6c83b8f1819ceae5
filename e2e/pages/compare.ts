import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for `/compare`: the accessible names issue 5 fixes. */
export class ComparePage {
  readonly compare: Locator;
  readonly message: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly addTarget: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.compare = page.getByRole("region", { name: "Compare", exact: true });
    this.message = page.getByRole("textbox", { name: "Message", exact: true });
    this.send = page.getByRole("button", { name: "Send", exact: true });
    this.stop = page.getByRole("button", { name: "Stop", exact: true });
    this.addTarget = page.getByRole("button", { name: "Add target", exact: true });
    this.results = page.getByRole("table", { name: "Results", exact: true });
  }

  async goto(path = "/compare"): Promise<void> {
    await this.page.goto(path);
    await expect(this.target(1)).toBeVisible();
  }

  target(n: number): Locator {
    return this.compare.getByRole("region", { name: `Target ${n}`, exact: true });
  }

  targets(): Locator {
    return this.compare.getByRole("region", { name: /^Target \d$/ });
  }

  /** A parameter input of one target (its panel opened first). */
  async param(n: number, name: string): Promise<Locator> {
    const t = this.target(n);
    const details = t.locator("details").filter({ hasText: `Parameters of Target ${n}` });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
    return t.getByLabel(name, { exact: true });
  }

  async setParam(n: number, name: string, value: string): Promise<void> {
    await (await this.param(n, name)).fill(value);
  }

  answer(n: number): Locator {
    return this.target(n).getByRole("article", { name: "assistant", exact: true });
  }

  async answerText(n: number): Promise<string> {
    return ((await this.answer(n).locator("[data-answer-text]").first().textContent()) ?? "").trim();
  }

  async waitIdle(timeout = 15_000): Promise<void> {
    await expect(this.send).toBeEnabled({ timeout });
  }

  async rawRequestBody(n: number): Promise<unknown> {
    const t = this.target(n);
    const details = t.locator("details").filter({ hasText: "Raw request, raw response and metrics" });
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
    await t.getByRole("tab", { name: "Raw request", exact: true }).click();
    return JSON.parse((await t.getByTestId("raw-request-body").textContent()) ?? "");
  }
}
