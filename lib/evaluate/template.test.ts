import { describe, expect, it } from "vitest";
import { emptySession } from "../session/empty";
import { fillSession, fillText, sessionVariables, textVariables, unfilledVariables } from "./template";

const session = {
  ...emptySession("local", "local-ngram"),
  systemPrompt: "You answer in {{ language }}.",
  messages: [
    { id: "m1", role: "user" as const, content: "Describe {{topic}} for {{audience}}; again: {{topic}}." },
    { id: "m2", role: "assistant" as const, content: "Sure, {{topic}}." },
  ],
};

describe("templates", () => {
  it("finds each variable once, in order of first appearance, with spaces allowed", () => {
    expect(textVariables("{{a}} {{ b }} {{a}} {{c1_x}}")).toEqual(["a", "b", "c1_x"]);
    expect(sessionVariables(session)).toEqual(["language", "topic", "audience"]);
  });

  it("leaves double braces that are not a variable name alone", () => {
    expect(textVariables("{{1x}} {{a b}} {{}} {a} {{{x}}}")).toEqual(["x"]);
    expect(fillText("{{a b}} and {{x}}", { x: "1" })).toBe("{{a b}} and 1");
  });

  it("fills every occurrence, inserting values literally (no $ patterns, no re-expansion)", () => {
    expect(fillText("{{a}}-{{a}}", { a: "$& {{b}}" })).toBe("$& {{b}}-$& {{b}}");
  });

  it("fills the system prompt and every message, and leaves unfilled names as written", () => {
    const filled = fillSession(session, { language: "French", topic: "tides" });
    expect(filled.systemPrompt).toBe("You answer in French.");
    expect(filled.messages.map((m) => m.content)).toEqual(["Describe tides for {{audience}}; again: tides.", "Sure, tides."]);
    expect(filled.messages[0]!.id).toBe("m1");
    expect(unfilledVariables(session, { language: "French", topic: "tides" })).toEqual(["audience"]);
  });

  it("uses the prompt in completions mode", () => {
    const s = { ...emptySession(), mode: "completions" as const, prompt: "Q: {{q}}\nA:", systemPrompt: "{{ignored}}" };
    expect(sessionVariables(s)).toEqual(["q"]);
    expect(fillSession(s, { q: "why?" }).prompt).toBe("Q: why?\nA:");
  });

  it("fills the text parts of a message with images and keeps the images", () => {
    const image = { type: "image_url" as const, image_url: { url: "data:image/png;base64,AAAA" } };
    const s = {
      ...emptySession(),
      messages: [{ id: "m", role: "user" as const, content: [{ type: "text" as const, text: "What is {{thing}}?" }, image] }],
    };
    expect(sessionVariables(s)).toEqual(["thing"]);
    expect(fillSession(s, { thing: "this" }).messages[0]!.content).toEqual([{ type: "text", text: "What is this?" }, image]);
  });

  it("does not treat inherited object keys as values", () => {
    expect(fillText("{{constructor}}", {})).toBe("{{constructor}}");
  });
});
