import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for `/`: the accessible names the issue fixes, and a few common flows. */
export class PlaygroundPage {
  readonly provider: Locator;
  readonly model: Locator;
  readonly systemPrompt: Locator;
  readonly message: Locator;
  readonly send: Locator;
  readonly stop: Locator;
  readonly regenerate: Locator;
  readonly clear: Locator;
  readonly conversation: Locator;
  readonly rawRequestTab: Locator;
  readonly rawResponseTab: Locator;
  readonly metricsTab: Locator;

  constructor(readonly page: Page) {
    this.provider = page.getByRole("combobox", { name: "Provider", exact: true });
    this.model = page.getByRole("combobox", { name: "Model", exact: true });
    this.systemPrompt = page.getByRole("textbox", { name: "System prompt", exact: true });
    this.message = page.getByRole("textbox", { name: "Message", exact: true });
    this.send = page.getByRole("button", { name: "Send", exact: true });
    this.stop = page.getByRole("button", { name: "Stop", exact: true });
    this.regenerate = page.getByRole("button", { name: "Regenerate", exact: true });
    this.clear = page.getByRole("button", { name: "Clear", exact: true });
    this.conversation = page.getByRole("region", { name: "Conversation", exact: true });
    this.rawRequestTab = page.getByRole("tab", { name: "Raw request", exact: true });
    this.rawResponseTab = page.getByRole("tab", { name: "Raw response", exact: true });
    this.metricsTab = page.getByRole("tab", { name: "Metrics", exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.message).toBeVisible();
  }

  /** The value input of a parameter, labelled with its wire name. */
  param(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  articles(role: string): Locator {
    return this.conversation.getByRole("article", { name: role, exact: true });
  }

  /**
   * The run's error. Scoped to the conversation: Next's route announcer is an (empty)
   * role=alert element on every page.
   */
  errorAlert(): Locator {
    return this.conversation.getByRole("alert");
  }

  lastAssistant(): Locator {
    return this.articles("assistant").last();
  }

  async setStream(): Promise<void> {
    await this.param("stream").check();
  }

  async setNumber(name: string, value: number): Promise<void> {
    await this.param(name).fill(String(value));
  }

  /**
   * Makes the local model run to max_tokens: logit_bias -100 on its end-of-sequence token (id 0),
   * so a streaming test does not end early by chance.
   */
  async noEarlyEnd(): Promise<void> {
    await this.param("logit_bias").fill('{"0": -100}');
  }

  /** The code dialog's text for one language (opens the dialog, reads, closes it). */
  async codeSnippet(language: string): Promise<string> {
    await this.page.getByRole("button", { name: "Code", exact: true }).click();
    const dialog = this.page.getByRole("dialog", { name: "Code" });
    await dialog.getByRole("tab", { name: language, exact: true }).click();
    const code = (await dialog.locator("pre code").textContent()) ?? "";
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    return code;
  }

  async ask(text: string): Promise<void> {
    await this.message.fill(text);
    await this.send.click();
  }

  /** Waits until no run is in progress (Send enabled again). */
  async waitIdle(timeout = 10_000): Promise<void> {
    await expect(this.send).toBeEnabled({ timeout });
    await expect(this.stop).toHaveCount(0);
  }

  /** The text of the answer (plain text view, so Markdown does not change it). */
  async answerText(): Promise<string> {
    return ((await this.lastAssistant().locator("[data-answer-text]").first().textContent()) ?? "").trim();
  }

  async usePlainText(): Promise<void> {
    const box = this.page.getByRole("checkbox", { name: "Markdown", exact: true }).first();
    if ((await box.count()) > 0 && (await box.isChecked())) await box.uncheck();
  }

  async rawRequestBody(): Promise<unknown> {
    await this.rawRequestTab.click();
    const text = await this.page.getByTestId("raw-request-body").textContent();
    return JSON.parse(text ?? "");
  }

  async chooseCustom(baseUrl: string, model = "faulty-model"): Promise<void> {
    await this.provider.selectOption("custom");
    await this.page.getByLabel("Base URL", { exact: true }).fill(baseUrl);
    await this.model.fill(model);
  }
}
