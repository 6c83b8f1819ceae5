import { describe, expect, it } from "vitest";
import { detectPastedRequest } from "./paste";

describe("detectPastedRequest", () => {
  it.each([
    ["curl https://api.horay.ai/v1/chat/completions -d '{}'"],
    ["$ curl -s https://api.openai.com/v1/chat/completions \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"model\":\"x\"}'"],
    ['  curl.exe http://localhost:11434/v1/chat/completions --json "{}"'],
    ["/usr/bin/curl -X POST http://127.0.0.1:8000/v1/completions -d @body.json"],
    ['{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}'],
    ['{\n  "messages": [],\n  "temperature": 0.2\n}'],
    ['{"model":"x","prompt":"Once upon a time"}'],
    ['{"prompt":"Once upon a time"}'],
    ['{"kind":"playground-session","version":1,"payload":{}}'],
  ])("offers to import %j", (text) => {
    expect(detectPastedRequest(text)).toBe(true);
  });

  it.each([
    [""],
    ["   \n "],
    ["How do I use curl to call an API?"],
    ["curl"],
    ["curling is a sport played on ice"],
    ["curl --help"],
    ['{"name":"Ada","age":36}'],
    ['{"model":"gpt-4o"}'],
    ['{"messages":"not a list"}'],
    ['{"messages":[1,2,3]}'],
    ['{"model":"x","messages":[{"role":"user"}]'],
    ["[1, 2, 3]"],
    ["{ not json }"],
    ['Here is my body: {"model":"x","messages":[]}'],
  ])("leaves %j alone", (text) => {
    expect(detectPastedRequest(text)).toBe(false);
  });

  it("does not inspect huge pastes", () => {
    const big = `{"messages":[],"pad":"${"x".repeat(4_100_000)}"}`;
    expect(detectPastedRequest(big)).toBe(false);
  });

  it("never throws on non-strings", () => {
    expect(detectPastedRequest(undefined as unknown as string)).toBe(false);
  });
});
