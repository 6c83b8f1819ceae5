import { describe, expect, it } from "vitest";
import { buildRequest } from "../request/build";
import { contentText, withText } from "./content";
import { emptySession, type Message, SESSION_VERSION, sessionSchema } from "./schema";

const toolTurn: Message[] = [
  {
    id: "m1",
    role: "user",
    content: [
      { type: "text", text: "Weather in Paris?" },
      { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
    ],
  },
  {
    id: "m2",
    role: "assistant",
    content: null,
    tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
    reasoning: { text: "I should call the tool.", field: "reasoning_content" },
  },
  { id: "m3", role: "tool", tool_call_id: "call_1", content: "18 °C" },
];

describe("session schema", () => {
  it("opens a version-1 session (text-only messages) as the current version", () => {
    const v1 = { ...emptySession(), version: 1, messages: [{ id: "a", role: "user", content: "hi" }] };
    const parsed = sessionSchema.parse(v1);
    expect(parsed.version).toBe(SESSION_VERSION);
    expect(parsed.messages).toEqual(v1.messages);
  });

  it("keeps content parts, tool calls, tool results and reasoning", () => {
    const session = { ...emptySession(), messages: toolTurn };
    expect(sessionSchema.parse(JSON.parse(JSON.stringify(session)))).toEqual(session);
  });

  it("refuses a missing content outside assistant turns, and an unknown version", () => {
    expect(sessionSchema.safeParse({ ...emptySession(), messages: [{ id: "a", role: "user", content: null }] }).success).toBe(false);
    expect(sessionSchema.safeParse({ ...emptySession(), version: 3 }).success).toBe(false);
  });
});

describe("messages on the wire", () => {
  it("sends tool calls and tool results as the API carries them, and reasoning only when asked", () => {
    const body = buildRequest({ ...emptySession("local", "m"), messages: toolTurn }).body;
    expect(body.messages).toEqual([
      { role: "user", content: toolTurn[0]?.content },
      { role: "assistant", content: null, tool_calls: toolTurn[1]?.tool_calls },
      { role: "tool", content: "18 °C", tool_call_id: "call_1" },
    ]);
    const asked = toolTurn.map((m) => (m.reasoning ? { ...m, reasoning: { ...m.reasoning, send: true } } : m));
    const sent = buildRequest({ ...emptySession("local", "m"), messages: asked }).body.messages as Record<string, unknown>[];
    expect(sent[1]?.reasoning_content).toBe("I should call the tool.");
  });

  it("sends <think> reasoning back inline, where the model wrote it", () => {
    const m: Message = { id: "a", role: "assistant", content: "4", reasoning: { text: "2+2", field: "think", send: true } };
    const sent = buildRequest({ ...emptySession("local", "m"), messages: [m] }).body.messages as Record<string, unknown>[];
    expect(sent[0]?.content).toBe("<think>2+2</think>4");
  });
});

describe("content helpers", () => {
  it("edits the text of a message and keeps its images; text-only content stays a string", () => {
    expect(withText("old", "new")).toBe("new");
    const parts = toolTurn[0]?.content ?? null;
    const edited = withText(parts, "Weather in Tokyo?");
    expect(contentText(edited)).toBe("Weather in Tokyo?");
    expect(Array.isArray(edited) && edited.filter((p) => p.type === "image_url")).toHaveLength(1);
    expect(contentText(null)).toBe("");
  });
});
