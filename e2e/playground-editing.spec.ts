import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground";

type Body = { messages: { role: string; content: string }[] } & Record<string, unknown>;

/** Editing the conversation between runs, and the controls around Send, against the local provider. */
test.describe("editing the conversation", () => {
  let p: PlaygroundPage;

  test.beforeEach(async ({ page }) => {
    p = new PlaygroundPage(page);
    await p.goto();
    await p.setNumber("max_tokens", 4);
  });

  test("messages edited in place, reordered and deleted are sent as they now stand", async () => {
    await p.ask("first question");
    await p.waitIdle();
    await p.ask("second question");
    await p.waitIdle();
    await expect(p.conversation.getByRole("article")).toHaveCount(4);

    await p.page.getByLabel("Text of #1 (user)", { exact: true }).fill("first, edited");
    await p.page.getByRole("button", { name: "Move #3 up", exact: true }).click();
    await p.page.getByRole("button", { name: "Delete #4", exact: true }).click();
    await p.page.getByLabel("Role of #3", { exact: true }).selectOption("system");
    await p.ask("third question");
    await p.waitIdle();

    const body = (await p.rawRequestBody()) as Body;
    expect(body.messages.map((m) => m.role)).toEqual(["user", "user", "system", "user"]);
    expect(body.messages[0]?.content).toBe("first, edited");
    expect(body.messages[1]?.content).toBe("second question");
    expect(body.messages[3]?.content).toBe("third question");
  });

  test("Regenerate replaces the last answer and resends the same conversation", async () => {
    await p.ask("Tell me about tokens");
    await p.waitIdle();
    const firstRequest = (await p.rawRequestBody()) as Body;
    await p.regenerate.click();
    await p.waitIdle();
    await expect(p.articles("assistant")).toHaveCount(1);
    await expect(p.articles("user")).toHaveCount(1);
    expect(await p.rawRequestBody()).toEqual(firstRequest);
  });

  test("Clear empties the conversation and keeps the system prompt and parameters", async () => {
    await p.systemPrompt.fill("Stay short.");
    await p.ask("Something to clear");
    await p.waitIdle();
    await p.clear.click();
    await expect(p.conversation.getByRole("article")).toHaveCount(0);
    await expect(p.systemPrompt).toHaveValue("Stay short.");
    await expect(p.param("max_tokens")).toHaveValue("4");
  });

  test("the extra body is merged into the request last, and invalid JSON is flagged", async () => {
    const extra = p.page.getByLabel("Extra body", { exact: true });
    await extra.fill("{not json");
    await expect(extra).toHaveAttribute("aria-invalid", "true");
    await extra.fill('{"user": "tester-7", "max_tokens": 3}');
    await expect(extra).not.toHaveAttribute("aria-invalid", "true");
    await p.ask("Extra please");
    await p.waitIdle();
    const body = (await p.rawRequestBody()) as Body;
    expect(body.user).toBe("tester-7");
    expect(body.max_tokens).toBe(3);
    expect(Object.keys(body).at(-1)).toBe("user");
  });

  test("the whole loop works from the keyboard", async ({ page }) => {
    await p.message.focus();
    await page.keyboard.type("Typed without a mouse");
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await p.send.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await p.waitIdle();
    await expect(p.articles("user")).toContainText("Typed without a mouse");
    await expect(p.lastAssistant()).toBeVisible();
  });
});
