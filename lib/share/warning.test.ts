import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { sessionForColumn } from "./schema";
import { describePayload } from "./summary";
import { shareLinkWarning } from "./warning";

describe("shareLinkWarning", () => {
  it("is silent up to 2,000 characters and gives the length past it", () => {
    expect(shareLinkWarning("x".repeat(2000))).toBeNull();
    expect(shareLinkWarning("x".repeat(12345))).toMatch(
      /^This link is 12,345 characters long; some chat tools cut links longer than 2,000\./,
    );
  });
});

describe("describePayload", () => {
  it("lists what will be loaded", () => {
    const session = {
      ...emptySession("horay", "gpt-4o-mini"),
      systemPrompt: "x",
      messages: [{ id: "m1", role: "user" as const, content: "hi" }],
      params: { temperature: { enabled: true, value: 1 }, top_p: { enabled: false, value: 1 } },
    };
    expect(describePayload({ kind: "session", session })).toEqual([
      "Horay · gpt-4o-mini, chat mode",
      "parameters: temperature",
      "1 message and a system prompt",
    ]);
    const compare = describePayload({
      kind: "compare",
      session,
      columns: [{ id: "a", providerId: "custom", model: "m", baseUrl: "http://h/v1", params: {} }],
    });
    expect(compare[0]).toBe("Compare view with 1 column:");
    expect(compare[1]).toBe("  Custom (OpenAI-compatible) · m at http://h/v1, no parameters set");
  });
});

describe("sessionForColumn", () => {
  it("gives a column the shared messages with its own provider, model, base URL and parameters", () => {
    const session = { ...emptySession("horay", "a"), messages: [{ id: "m1", role: "user" as const, content: "hi" }] };
    const col = { id: "c", providerId: "neyra" as const, model: "neyra/1D", baseUrl: "", params: { top_p: { enabled: true, value: 0.5 } } };
    expect(sessionForColumn(session, col)).toEqual({ ...session, providerId: "neyra", model: "neyra/1D", params: col.params });
  });
});
