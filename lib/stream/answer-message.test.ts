import { describe, expect, it } from "vitest";
import { buildRequest } from "../request/build";
import { emptySession, type Message } from "../session/schema";
import { messageFromChoice, pendingToolCalls, toolResultMessages } from "./answer-message";
import { choicesFromBody, emptyChoice, StreamAssembler } from "./assemble";
import { dataUrlBytes, imageProblem, MAX_IMAGE_BYTES, shortenDataUrls } from "../session/images";
import { userContent } from "../session/user-content";

const calls = [
  { id: "call_paris_01", type: "function" as const, function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
  { id: "call_tokyo_02", type: "function" as const, function: { name: "get_weather", arguments: '{"city":"Tokyo"}' } },
];

describe("an answer as a conversation message", () => {
  it("keeps tool calls with no content, so the round trip can continue", () => {
    const [choice] = choicesFromBody({
      choices: [{ message: { role: "assistant", content: null, tool_calls: calls }, finish_reason: "tool_calls" }],
    });
    const m = messageFromChoice(choice!);
    expect(m).toEqual({ role: "assistant", content: null, tool_calls: calls });
    const assistant: Message = { id: "a", ...m! };
    const pending = pendingToolCalls([{ id: "u", role: "user", content: "weather?" }, assistant]);
    expect(pending?.calls).toEqual(calls);
    const tools = toolResultMessages(pending!.calls, { call_tokyo_02: "18 C", call_paris_01: "21 C" });
    const messages = [assistant, ...tools.map((t, i) => ({ id: `t${i}`, ...t }))];
    expect(buildRequest({ ...emptySession("custom", "m"), messages }).body.messages).toEqual([
      { role: "assistant", content: null, tool_calls: calls },
      { role: "tool", tool_call_id: "call_paris_01", content: "21 C" },
      { role: "tool", tool_call_id: "call_tokyo_02", content: "18 C" },
    ]);
    expect(pendingToolCalls(messages)).toBeNull();
  });

  it("keeps reasoning and refusal apart from the text; reasoning is not sent back", () => {
    const a = new StreamAssembler();
    a.push({ choices: [{ index: 0, delta: { content: "<think>hmm</think>4" } }] });
    a.end();
    const m = messageFromChoice(a.choices[0]!);
    expect(m).toEqual({ role: "assistant", content: "4", reasoning: { text: "hmm", field: "think" } });
    expect(buildRequest({ ...emptySession("custom", "m"), messages: [{ id: "a", ...m! }] }).body.messages).toEqual([
      { role: "assistant", content: "4" },
    ]);
    expect(messageFromChoice({ ...emptyChoice(0), refusal: "No." })).toEqual({ role: "assistant", content: null, refusal: "No." });
    expect(messageFromChoice(emptyChoice(0))).toBeNull();
  });

  it("gives a call the server sent without an id a position-based one", () => {
    const m = messageFromChoice({ ...emptyChoice(0), toolCalls: [{ function: { name: "f", arguments: "{}" } }] });
    expect(m?.tool_calls?.[0]?.id).toBe("call_0");
  });
});

describe("images", () => {
  const url = `data:image/png;base64,${"A".repeat(400)}`;

  it("makes text-only content a string and otherwise text and image_url parts", () => {
    const part = { type: "image_url" as const, image_url: { url } };
    expect(userContent("hi", [])).toBe("hi");
    expect(userContent("hi", [part])).toEqual([{ type: "text", text: "hi" }, part]);
    expect(userContent("  ", [part])).toEqual([part]);
  });

  it("refuses files that are not images or are over 20 MB, saying which and why", () => {
    expect(imageProblem({ name: "a.png", type: "image/png", size: MAX_IMAGE_BYTES })).toBeNull();
    expect(imageProblem({ name: "big.png", type: "image/png", size: MAX_IMAGE_BYTES + 1 })).toMatch(
      /big\.png is 20\.0 MB; images over 20\.0 MB/,
    );
    expect(imageProblem({ name: "a.txt", type: "text/plain", size: 3 })).toMatch(/not an image/);
  });

  it("measures a data URL and shortens it for display only", () => {
    expect(dataUrlBytes(url)).toBe(300);
    expect(dataUrlBytes("https://x/y.png")).toBeNull();
    const body = JSON.stringify({ messages: [{ content: [{ type: "image_url", image_url: { url } }] }] });
    const short = shortenDataUrls(body);
    expect(short.length).toBeLessThan(body.length);
    expect(short).toContain("data:image/png;base64,AAAA");
    expect(short).toContain("(300 B)");
    expect(() => JSON.parse(short)).not.toThrow();
    expect(shortenDataUrls("no data: here, data:text/plain,hi")).toBe("no data: here, data:text/plain,hi");
  });

  it("shortens a data URL of millions of characters without overflowing the stack", () => {
    const huge = `{"url":"data:image/png;base64,${"QUJD".repeat(4_000_000)}"}`;
    expect(shortenDataUrls(huge)).toBe('{"url":"data:image/png;base64,QUJDQUJDQUJDQUJDQUJDQUJD…(11.4 MB)"}');
  });
});
