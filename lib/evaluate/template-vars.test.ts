import { describe, expect, it } from "vitest";
import { emptySession } from "../session/empty";
import { templateVars, withTemplateVars } from "./template-vars";

const session = {
  ...emptySession("local", "local-ngram"),
  systemPrompt: "Speak {{lang}}.",
  messages: [{ id: "m", role: "user" as const, content: "Describe {{topic}}." }],
};

describe("playground variables", () => {
  it("fills the values given, leaves empty ones as written, and changes nothing without values", () => {
    expect(withTemplateVars(session, {})).toBe(session);
    const s = withTemplateVars(session, { topic: "tides", lang: "" });
    expect(s.messages[0]!.content).toBe("Describe tides.");
    expect(s.systemPrompt).toBe("Speak {{lang}}.");
    expect(session.messages[0]!.content).toBe("Describe {{topic}}.");
  });

  it("reads the form's current values by default", () => {
    templateVars.set({ lang: "French" });
    expect(withTemplateVars(session).systemPrompt).toBe("Speak French.");
    templateVars.set({});
  });
});
