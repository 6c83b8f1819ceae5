import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect, test } from "@playwright/test";
import { PARALLEL_TOOL_CALLS, REASONED_ANSWER, REASONING_TEXT, REFUSAL_TEXT } from "./fixtures/answer-shapes";
import { type ScriptedUpstream, startScriptedUpstream } from "./fixtures/scripted-upstream";
import { PlaygroundPage } from "./pages/playground";

/**
 * Conversations as real chat-completion servers carry them, against the scripted upstream
 * (provider `custom` pointed at it): reasoning in its three dialects, parallel tool calls and their
 * results, images, streaming by default.
 */
let upstream: ScriptedUpstream;
let p: PlaygroundPage;

test.beforeEach(async ({ page }) => {
  upstream = await startScriptedUpstream();
  p = new PlaygroundPage(page);
  await p.goto();
});

test.afterEach(async () => {
  await upstream.close();
});

/** A 1×1 transparent PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const PNG_URL = `data:image/png;base64,${PNG.toString("base64")}`;

const reasoningGroup = () => p.lastAssistant().getByRole("group", { name: "Reasoning", exact: true });

test("a new session streams: stream is set in the panel, sent, and the answer arrives as SSE", async ({ page }) => {
  await expect(p.param("stream")).toBeChecked();
  await p.chooseCustom(upstream.baseUrl, "markdown");
  await p.ask("Compare sorting algorithms");
  await p.waitIdle();
  expect(upstream.requests[0]?.stream).toBe(true);
  await p.metricsTab.click();
  await expect(page.getByRole("region", { name: "Metrics" })).toContainText(/Streamedyes, \d+ events/);
  // The reset unsets it: the next request does not carry stream at all, and is answered in one piece.
  await page.getByRole("group", { name: "stream parameter" }).getByRole("button", { name: "Reset" }).click();
  await expect(p.param("stream")).not.toBeChecked();
  await p.ask("Once more");
  await p.waitIdle();
  expect(upstream.requests[1]).not.toHaveProperty("stream");
  await expect(page.getByRole("region", { name: "Metrics" })).toContainText("Streamedno");
});

for (const shape of ["reasoning-content", "reasoning", "think"] as const) {
  for (const streamed of [true, false]) {
    test(`${shape} reasoning lands in "Reasoning", not in the answer (${streamed ? "streamed" : "not streamed"})`, async ({ page }) => {
      await p.chooseCustom(upstream.baseUrl, shape);
      if (streamed) await p.param("stream").check();
      else await p.param("stream").uncheck();
      await p.ask("What is 2 + 2?");
      await p.waitIdle();
      expect(upstream.requests[0]?.stream).toBe(streamed);
      const group = reasoningGroup();
      await expect(group).toContainText(REASONING_TEXT);
      // Closed once the answer is complete.
      await expect(group).not.toHaveAttribute("open");
      const answer = p.lastAssistant().getByTestId("answer");
      await expect(answer).toContainText("2 + 2 = 4.");
      await expect(answer).not.toContainText("Adding two");
      await expect(answer).not.toContainText("think>");
      await p.metricsTab.click();
      const metrics = page.getByRole("region", { name: "Metrics" });
      await expect(metrics).toContainText(`Reasoning length${Array.from(REASONING_TEXT).length} characters`);
      await expect(metrics).not.toContainText("Time to first reasoning token–");
      await expect(metrics).not.toContainText("Time to first answer token–");

      // The reasoning is kept with the message and is not sent back in the next turn.
      await page.reload();
      await expect(reasoningGroup()).toContainText(REASONING_TEXT);
      await p.ask("And 3 + 3?");
      await p.waitIdle();
      const sent = upstream.requests[1]?.messages ?? [];
      expect(sent[1]).toEqual({ role: "assistant", content: REASONED_ANSWER });
      // Unless the user asks: then it goes back where the model put it.
      await page.getByRole("checkbox", { name: "Send reasoning of #2 back", exact: true }).check();
      await p.regenerate.click();
      await p.waitIdle();
      const back = upstream.requests[2]?.messages?.[1];
      expect(back).toEqual(
        shape === "think"
          ? { role: "assistant", content: `<think>${REASONING_TEXT}</think>${REASONED_ANSWER}` }
          : {
              role: "assistant",
              content: REASONED_ANSWER,
              [shape === "reasoning-content" ? "reasoning_content" : "reasoning"]: REASONING_TEXT,
            },
      );
    });
  }
}

test("the Reasoning group is open while the reasoning streams in and closes once the answer comes", async () => {
  upstream.pauseMs = 60;
  await p.chooseCustom(upstream.baseUrl, "reasoning-content");
  await p.ask("What is 2 + 2?");
  const group = p.lastAssistant().getByRole("group", { name: "Reasoning", exact: true });
  await expect(group).toHaveAttribute("open", "");
  await expect(p.stop).toBeVisible();
  await p.waitIdle();
  await expect(group).not.toHaveAttribute("open");
  // The reader can open it again.
  await group.locator("summary").click();
  await expect(group).toHaveAttribute("open", "");
});

test("a refusal is shown as one, kept with the message and sent back with it", async () => {
  await p.chooseCustom(upstream.baseUrl, "refusal");
  await p.ask("Something not allowed");
  await p.waitIdle();
  await expect(p.lastAssistant()).toContainText(`Refusal: ${REFUSAL_TEXT}`);
  await p.page.reload();
  await expect(p.lastAssistant()).toContainText(`Refusal: ${REFUSAL_TEXT}`);
  await p.ask("Why not?");
  await p.waitIdle();
  expect(upstream.requests[1]?.messages?.[1]).toEqual({ role: "assistant", content: null, refusal: REFUSAL_TEXT });
});

test("usage from the last chunk with choices: [] shows in the metrics", async ({ page }) => {
  await p.chooseCustom(upstream.baseUrl, "markdown");
  await page.getByLabel("Extra body", { exact: true }).fill('{"stream_options": {"include_usage": true}}');
  await p.ask("Sort things");
  await p.waitIdle();
  await p.metricsTab.click();
  const metrics = page.getByRole("region", { name: "Metrics" });
  await expect(metrics).toContainText("Prompt tokens21");
  await expect(metrics).toContainText("Completion tokens34");
  await expect(metrics).toContainText("Total tokens55");
});

test("a two-call parallel tool round trip completes and survives a reload", async ({ page }) => {
  await p.chooseCustom(upstream.baseUrl, "tools-parallel");
  await page.getByRole("button", { name: "Use example tools", exact: true }).click();
  await expect(p.param("tools")).toHaveValue(/"name": "get_weather"/);
  await expect(page.getByRole("group", { name: "tools parameter" })).not.toContainText("⚠");
  await p.ask("Weather in Paris and Tokyo?");
  await p.waitIdle();
  expect(upstream.requests[0]?.tools).toEqual(expect.arrayContaining([expect.objectContaining({ type: "function" })]));

  const calls = p.lastAssistant().getByRole("list", { name: "Tool calls" }).getByRole("listitem");
  await expect(calls).toHaveCount(2);
  await expect(calls.nth(0)).toContainText("get_weather");
  await expect(calls.nth(0)).toContainText("call_paris_01");
  await expect(calls.nth(0).getByTestId("tool-arguments")).toHaveText(JSON.stringify({ city: "Paris", unit: "celsius" }, null, 2));
  await expect(calls.nth(1).getByTestId("tool-arguments")).toContainText('"city": "Tokyo"');

  await page.getByRole("textbox", { name: "Result of call_paris_01", exact: true }).fill('{"temp": 21}');
  await page.getByRole("textbox", { name: "Result of call_tokyo_02", exact: true }).fill('{"temp": 18}');
  await expect(p.message).toHaveValue("");
  await p.send.click();
  await p.waitIdle();

  const second = upstream.requests[1]?.messages ?? [];
  expect(second.map((m) => m.role)).toEqual(["user", "assistant", "tool", "tool"]);
  expect(second[1]).toEqual({
    role: "assistant",
    content: null,
    tool_calls: PARALLEL_TOOL_CALLS.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })),
  });
  expect(second[2]).toEqual({ role: "tool", tool_call_id: "call_paris_01", content: '{"temp": 21}' });
  expect(second[3]).toEqual({ role: "tool", tool_call_id: "call_tokyo_02", content: '{"temp": 18}' });
  await expect(p.lastAssistant()).toContainText('Here is the weather: {"temp": 21}; {"temp": 18}.');

  await page.reload();
  await expect(p.articles("tool")).toHaveCount(2);
  await expect(p.articles("assistant").first().getByRole("list", { name: "Tool calls" }).getByRole("listitem")).toHaveCount(2);
  await expect(p.lastAssistant()).toContainText("Here is the weather");
  // The conversation goes on with the calls and their results as they were.
  await p.ask("Thanks!");
  await p.waitIdle();
  const third = upstream.requests[2]?.messages ?? [];
  expect(third.slice(0, 4)).toEqual(second);
  expect(third.map((m) => m.role)).toEqual(["user", "assistant", "tool", "tool", "assistant", "user"]);
});

test("Send with only some tool results filled says which are missing and sends nothing", async ({ page }) => {
  await p.chooseCustom(upstream.baseUrl, "tools-parallel");
  await p.ask("Weather in Paris and Tokyo?");
  await p.waitIdle();
  await page.getByRole("textbox", { name: "Result of call_paris_01", exact: true }).fill("21 C");
  await p.send.click();
  await expect(page.getByRole("region", { name: "Composer" }).getByRole("alert")).toContainText("missing: call_tokyo_02");
  expect(upstream.requests).toHaveLength(1);
});

test("tool call arguments that are not JSON are flagged and shown as sent", async () => {
  await p.chooseCustom(upstream.baseUrl, "tools-invalid-json");
  await p.ask("Weather?");
  await p.waitIdle();
  const call = p.lastAssistant().getByRole("listitem", { name: "Tool call get_weather" });
  await expect(call).toContainText("not valid JSON; shown as sent");
  await expect(call.getByTestId("tool-arguments")).toHaveText('{"city": "Paris", "unit": ');
});

test("an attached image is sent as an image_url part, shown as a thumbnail, shortened in the raw view", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await p.chooseCustom(upstream.baseUrl, "markdown");
  await page.getByLabel("Attach image", { exact: true }).setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("region", { name: "Composer" })).toContainText(`dot.png · ${PNG.length} B`);
  await p.ask("What is in this picture?");
  await p.waitIdle();
  expect(upstream.requests[0]?.messages?.[0]).toEqual({
    role: "user",
    content: [
      { type: "text", text: "What is in this picture?" },
      { type: "image_url", image_url: { url: PNG_URL } },
    ],
  });
  await expect(p.articles("user").getByRole("img", { name: `Attachment 1 (image/png, ${PNG.length} B)` })).toBeVisible();
  await p.rawRequestTab.click();
  await expect(page.getByTestId("raw-request-body")).toContainText("data:image/png;base64,");
  await expect(page.getByRole("region", { name: "Raw request" })).toContainText("Data URLs are shortened in this view");
  const shown = JSON.stringify(await p.rawRequestBody());
  expect(shown).toContain("data:image/png;base64,");
  expect(shown).not.toContain(PNG_URL);
  await page.getByRole("button", { name: "Copy request body", exact: true }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(PNG_URL);
  // It stays with the message after a reload.
  await page.reload();
  await expect(p.articles("user").getByRole("img", { name: `Attachment 1 (image/png, ${PNG.length} B)` })).toBeVisible();
});

/** A file of `bytes` in the test's output folder: big files go to the browser by path, not over the wire protocol. */
function bigFile(name: string, bytes: number): string {
  const path = test.info().outputPath(name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.alloc(bytes, 7));
  return path;
}

test("an image pasted into the composer is attached like a chosen file", async ({ page }) => {
  await p.chooseCustom(upstream.baseUrl, "markdown");
  await p.message.focus();
  await p.message.evaluate((el, b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG.toString("base64"));
  await expect(page.getByRole("button", { name: "Remove pasted.png" })).toBeVisible();
  await p.send.click();
  await p.waitIdle();
  expect(upstream.requests[0]?.messages?.[0]?.content).toEqual([{ type: "image_url", image_url: { url: PNG_URL } }]);
});

test("an image over 20 MB is refused with a clear message", async ({ page }) => {
  await page.getByLabel("Attach image", { exact: true }).setInputFiles(bigFile("huge.png", 20 * 1024 * 1024 + 1), { timeout: 20_000 });
  await expect(page.getByRole("region", { name: "Composer" }).getByRole("alert")).toContainText(
    "huge.png is 20.0 MB; images over 20.0 MB are refused",
  );
  await expect(page.getByRole("button", { name: "Remove huge.png" })).toHaveCount(0);
});

test("a session too big for localStorage says so and keeps the image in the tab", async ({ page }) => {
  // 6 MB of image is 8 M characters of data URL: more than Chromium lets an origin store (10 MB of UTF-16).
  await page.getByLabel("Attach image", { exact: true }).setInputFiles(bigFile("big.png", 6 * 1024 * 1024), { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Remove big.png" })).toBeVisible({ timeout: 10_000 });
  await p.message.fill("keep me");
  await page.getByRole("button", { name: "Add to conversation", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "too big for the browser's storage" })).toBeVisible();
  await expect(p.articles("user").getByRole("img")).toHaveCount(1);
  await expect(p.page.getByLabel("Text of #1 (user)", { exact: true })).toHaveValue("keep me");
});
