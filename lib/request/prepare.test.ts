import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import { prepareRequest } from "./prepare";

describe("prepareRequest", () => {
  it("sends the key as Authorization and shows it masked", () => {
    const s = { ...emptySession("openai", "gpt-4o-mini"), messages: [{ id: "1", role: "user" as const, content: "hi" }] };
    const p = prepareRequest(s, "sk-test-0123456789abcd");
    expect(p.url).toBe("/api/proxy/openai/chat/completions");
    expect(p.headers.Authorization).toBe("Bearer sk-test-0123456789abcd");
    expect(p.shownHeaders.Authorization).toBe("Bearer sk-…abcd");
    expect(JSON.stringify(p.shownHeaders)).not.toContain("0123456789");
    expect(p.built.text).toBe('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}');
  });

  it("sends the custom base URL and no Authorization without a key", () => {
    const s = { ...emptySession("custom", "m"), baseUrl: "http://127.0.0.1:9/v1", mode: "completions" as const };
    const p = prepareRequest(s, "");
    expect(p.url).toBe("/api/proxy/custom/completions");
    expect(p.headers).toEqual({ "Content-Type": "application/json", "x-upstream-base-url": "http://127.0.0.1:9/v1" });
  });

  it("sends a seed provider's chosen documented base URL, and none for the default", () => {
    const alt = { ...emptySession("neyra", "neyra/1D"), baseUrl: "https://api.neyratech.com/v1" };
    expect(prepareRequest(alt, "").headers["x-upstream-base-url"]).toBe("https://api.neyratech.com/v1");
    expect(prepareRequest({ ...alt, baseUrl: "" }, "").headers["x-upstream-base-url"]).toBeUndefined();
  });
});
