import { expect, test } from "@playwright/test";
import { PlaygroundPage } from "./pages/playground";

test("the playground names unfilled {{variables}} and sends a run with the values typed in the Variables form", async ({ page }) => {
  const p = new PlaygroundPage(page);
  await p.goto();
  const form = page.getByRole("form", { name: "Variables" });
  await expect(form).toHaveCount(0);
  await p.setNumber("max_tokens", 3);
  await p.message.fill("Describe {{topic}} for {{audience}}.");
  await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
  await expect(form.getByRole("status")).toHaveText("Unfilled: {{topic}}, {{audience}} — sent as written unless given a value here.");
  await form.getByLabel("topic", { exact: true }).fill("tides");
  await expect(form.getByRole("status")).toContainText("Unfilled: {{audience}}");
  await p.send.click();
  await p.waitIdle();
  const body = (await p.rawRequestBody()) as { messages: { content: string }[] };
  expect(body.messages.at(-1)?.content).toBe("Describe tides for {{audience}}.");
  // The conversation keeps its placeholders: it is still a template.
  await expect(p.articles("user").getByRole("textbox").first()).toHaveValue("Describe {{topic}} for {{audience}}.");
});
