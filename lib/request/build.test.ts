import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { buildRequest } from "./build";

describe("buildRequest", () => {
  it("sends only model and messages when no parameter is set", () => {
    const s = { ...emptySession("local", "m"), messages: [{ id: "1", role: "user" as const, content: "hi" }] };
    const r = buildRequest(s);
    expect(r.text).toBe('{"model":"m","messages":[{"role":"user","content":"hi"}]}');
  });

  it("puts the system prompt first and enabled parameters in catalogue order", () => {
    const s = emptySession("local", "m");
    s.systemPrompt = "be brief";
    s.params = {
      seed: { enabled: true, value: 7 },
      temperature: { enabled: true, value: 0 },
      top_p: { enabled: false, value: 0.5 },
    };
    const r = buildRequest(s);
    expect(Object.keys(r.body)).toEqual(["model", "messages", "temperature", "seed"]);
    expect(r.body.messages).toEqual([{ role: "system", content: "be brief" }]);
  });

  it("uses prompt in completions mode and merges the extra body last", () => {
    const s = { ...emptySession("netmind", "x"), mode: "completions" as const, prompt: "Once", extraBody: '{"foo":1,"model":"y"}' };
    const r = buildRequest(s);
    expect(r.path).toBe("completions");
    expect(r.body).toEqual({ model: "y", prompt: "Once", foo: 1 });
  });

  it("reports an extra body that is not a JSON object and keeps the rest", () => {
    const s = { ...emptySession("local", "m"), extraBody: "[1]" };
    const r = buildRequest(s);
    expect(r.errors).toEqual(["Extra body must be a JSON object."]);
    expect(r.body.model).toBe("m");
  });
});
