import { expect, type Page, test } from "@playwright/test";
import { type Emulator, startEmulator } from "./fixtures/emulator";
import { emulatorPort } from "./fixtures/emulator-env";
import { PlaygroundPage } from "./pages/playground";

/**
 * The five seed providers through the real UI, the real proxy and the contract emulator (written
 * from the providers' pages, e2e/fixtures/emulator-contracts.ts): a chat that goes through, then
 * one documented limit broken on purpose, whose error must reach the user in the provider's words.
 * playwright.config.ts points every `<ID>_BASE_URL` at the emulator's fixed port.
 */
let emulator: Emulator;
test.beforeAll(async () => {
  emulator = await startEmulator({ port: emulatorPort(Number(process.env.E2E_PORT ?? 3211)), chunkDelayMs: 5 });
});
test.afterAll(() => emulator.close());
test.beforeEach(() => emulator.reset());

const USER_KEY = "sk-e2e-user-0123456789";

async function open(page: Page, provider: string): Promise<PlaygroundPage> {
  const p = new PlaygroundPage(page);
  await p.goto();
  await p.provider.selectOption(provider);
  await page.getByLabel("Use my own key", { exact: true }).fill(USER_KEY);
  return p;
}

/** Sends a chat message and expects the emulator's answer (tok0 … tok9) in the conversation. */
async function chatGoesThrough(p: PlaygroundPage, text: string, path: string): Promise<void> {
  await p.ask(text);
  await p.waitIdle();
  await expect(p.lastAssistant()).toContainText("tok0 tok1");
  const sent = emulator.requests.filter((r) => r.body.includes(text));
  expect(sent.map((r) => r.path)).toEqual([path]);
  expect(sent[0]?.headers.authorization).toBe(`Bearer ${USER_KEY}`);
}

/** The code dialog's text for one language. */
const snippet = (page: Page, language: string) => new PlaygroundPage(page).codeSnippet(language);

async function errorShows(p: PlaygroundPage, text: string, ...words: string[]): Promise<void> {
  await p.ask(text);
  await p.waitIdle();
  for (const w of words) await expect(p.errorAlert()).toContainText(w);
}

test.describe("seed providers against their documented contracts", () => {
  test("Avangenio's other documented base URL is a choice used by the raw view and the snippets", async ({ page }) => {
    const p = await open(page, "avangenio");
    const choice = page.getByRole("combobox", { name: "Base URL", exact: true });
    await choice.selectOption("https://apigateway.avangenio.net/v1");
    await expect(page.getByText("the page's parameter table says")).toBeVisible();
    await p.message.fill("Which URL?");
    await p.rawRequestTab.click();
    await expect(page.getByRole("region", { name: "Raw request" })).toContainText(
      "Upstream URL: https://apigateway.avangenio.net/v1/chat/completions",
    );
    expect(await snippet(page, "curl")).toContain("curl https://apigateway.avangenio.net/v1/chat/completions");
    // The choice is part of the session: it survives a reload.
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Base URL", exact: true })).toHaveValue("https://apigateway.avangenio.net/v1");
  });

  test("Neyra: a chat, then an 11th stop sequence (the page: up to 10)", async ({ page }) => {
    const p = await open(page, "neyra");
    await chatGoesThrough(p, "Hi Neyra", "/neyra/api/v1/chat/completions");
    // No page documents /models: the emulator answers 404 and the picker falls back to the page's model.
    await expect(page.getByText("Neyra has no model list: GET /models answered 404")).toBeVisible();
    await p.param("stop").fill(Array.from({ length: 11 }, (_, i) => `s${i}`).join("\n"));
    await errorShows(p, "Eleven stops", "400", "stop accepts up to 10 sequences, got 11");
  });

  test("Horay: a chat, then max_tokens 5000 (the page: 1 <= x <= 4096)", async ({ page }) => {
    const p = await open(page, "horay");
    await chatGoesThrough(p, "Hi Horay", "/horay/v1/chat/completions");
    await p.setNumber("max_tokens", 5000);
    await errorShows(p, "Too long", "400", "max_tokens must be between 1 and 4096, got 5000");
  });

  test("Avangenio: a chat, then frequency_penalty 3 (the page: between -2.0 and 2.0)", async ({ page }) => {
    const p = await open(page, "avangenio");
    await chatGoesThrough(p, "Hi Avangenio", "/avangenio/chat/completions");
    await p.setNumber("frequency_penalty", 3);
    await errorShows(p, "Penalised", "400", "frequency_penalty must be between -2 and 2, got 3");
  });

  test("Netmind: a chat and a completion, then a fifth stop sequence (the page: up to 4)", async ({ page }) => {
    const p = await open(page, "netmind");
    await chatGoesThrough(p, "Hi Netmind", "/netmind/inference-api/openai/v1/chat/completions");
    await page.getByRole("radio", { name: "Completions (legacy)" }).check();
    await page.getByRole("textbox", { name: "Prompt", exact: true }).fill("USER: How do I make pasta?\nASSISTANT:");
    await p.send.click();
    await p.waitIdle();
    await expect(p.lastAssistant()).toContainText("tok0 tok1");
    const completion = emulator.requests.filter((r) => r.path.endsWith("/completions") && r.body.includes("pasta"));
    expect(completion.map((r) => r.path)).toEqual(["/netmind/inference-api/openai/v1/completions"]);
    await p.param("stop").fill("a\nb\nc\nd\ne");
    await p.send.click();
    await p.waitIdle();
    await expect(p.errorAlert()).toContainText("stop accepts up to 4 sequences, got 5");
  });

  test("Telnyx: a chat, then min_p 2 answered with its documented 422", async ({ page }) => {
    const p = await open(page, "telnyx");
    await chatGoesThrough(p, "Hi Telnyx", "/telnyx/v2/ai/chat/completions");
    // openai_api_key: sent in the body, shown masked, read from OPENAI_API_KEY by the snippets.
    const secret = "sk-openai-e2e-9876543210";
    await page.getByLabel("openai_api_key", { exact: true }).fill(secret);
    await chatGoesThrough(p, "With OpenAI key", "/telnyx/v2/ai/chat/completions");
    const sent = emulator.requests.find((r) => r.body.includes("With OpenAI key"));
    expect(JSON.parse(sent?.body ?? "{}").openai_api_key).toBe(secret);
    const shown = (await p.rawRequestBody()) as { openai_api_key?: string };
    expect(shown.openai_api_key).toBe("sk-…3210");
    const python = await snippet(page, "Python (openai)");
    expect(python).toContain('os.environ["OPENAI_API_KEY"]');
    expect(python).not.toContain(secret);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(secret);
    await p.setNumber("min_p", 2);
    await errorShows(p, "Out of range", "422", "min_p must be between 0 and 1, got 2");
  });
});
