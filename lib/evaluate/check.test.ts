import { describe, expect, it } from "vitest";
import { newAssertion } from "./assertion-kinds";
import type { Assertion } from "./assertion-schema";
import { checkAssertion, type ExpressionRunner, type Observation } from "./check";

const obs = (patch: Partial<Observation> = {}): Observation => ({
  output: '{"name": "Ada", "age": 36}',
  finishReason: "stop",
  ttftMs: 120,
  totalMs: 900,
  completionTokens: 12,
  toolCalls: [],
  response: { id: "r1" },
  vars: { topic: "tides" },
  ...patch,
});

/** The page runs expressions in a Worker; here the runner is a recorded stand-in. */
const noRunner: ExpressionRunner = async () => {
  throw new Error("not expected");
};

function a<K extends Assertion["kind"]>(kind: K, patch: Partial<Extract<Assertion, { kind: K }>> = {}): Assertion {
  return { ...newAssertion(kind), ...patch } as Assertion;
}

const status = async (as: Assertion, o: Observation, run: ExpressionRunner = noRunner) => (await checkAssertion(as, o, run)).status;

describe("assertions", () => {
  it("contains / not contains, with and without case", async () => {
    expect(await status(a("contains", { value: "Ada" }), obs())).toBe("pass");
    expect(await status(a("contains", { value: "ada" }), obs())).toBe("fail");
    expect(await status(a("contains", { value: "ada", ignoreCase: true }), obs())).toBe("pass");
    expect(await status(a("not-contains", { value: "Bob" }), obs())).toBe("pass");
    expect(await checkAssertion(a("not-contains", { value: "Ada" }), obs(), noRunner)).toEqual({
      status: "fail",
      reason: "Contains “Ada”.",
    });
  });

  it("equals expected, trimmed or exact; an error without an expected value", async () => {
    expect(await status(a("equals-expected"), obs({ output: " yes\n", expected: "yes" }))).toBe("pass");
    expect(await status(a("equals-expected", { trim: false }), obs({ output: " yes\n", expected: "yes" }))).toBe("fail");
    expect(await status(a("equals-expected"), obs({ output: "no", expected: "yes" }))).toBe("fail");
    expect(await status(a("equals-expected"), obs())).toBe("error");
  });

  it("regex with flags", async () => {
    expect(await status(a("regex", { pattern: '"age":\\s*\\d+' }), obs())).toBe("pass");
    expect(await status(a("regex", { pattern: "^ADA", flags: "" }), obs())).toBe("fail");
    expect(await status(a("regex", { pattern: "ada", flags: "i" }), obs())).toBe("pass");
    expect(await status(a("regex", { pattern: "(" }), obs())).toBe("error");
  });

  it("JSON valid", async () => {
    expect(await status(a("json-valid"), obs())).toBe("pass");
    const r = await checkAssertion(a("json-valid"), obs({ output: "Sure! {" }), noRunner);
    expect(r.status).toBe("fail");
    expect(r.reason).toMatch(/^Not valid JSON: /);
  });

  it("JSON Schema (ajv): holds, fails with the path, errors on a broken schema", async () => {
    const schema = JSON.stringify({ type: "object", required: ["name", "age"], properties: { age: { type: "integer", minimum: 0 } } });
    expect(await status(a("json-schema", { schema }), obs())).toBe("pass");
    const r = await checkAssertion(a("json-schema", { schema }), obs({ output: '{"name":"Ada","age":-1}' }), noRunner);
    expect(r.status).toBe("fail");
    expect(r.reason).toContain("/age");
    expect(await status(a("json-schema", { schema }), obs({ output: "not json" }))).toBe("fail");
    expect(await status(a("json-schema", { schema: "{oops" }), obs())).toBe("error");
    expect(await status(a("json-schema", { schema: '{"type": 5}' }), obs())).toBe("error");
  });

  it("tool call by name, with arguments checked against a schema", async () => {
    const calls = [
      { name: "lookup", arguments: '{"q": 1}' },
      { name: "get_weather", arguments: '{"city": "Oslo"}' },
    ];
    const schema = JSON.stringify({ type: "object", required: ["city"], properties: { city: { type: "string" } } });
    expect(await status(a("tool-call", { functionName: "get_weather" }), obs({ toolCalls: calls }))).toBe("pass");
    expect(await status(a("tool-call", { functionName: "get_weather", schema }), obs({ toolCalls: calls }))).toBe("pass");
    expect(await status(a("tool-call", { functionName: "lookup", schema }), obs({ toolCalls: calls }))).toBe("fail");
    const none = await checkAssertion(a("tool-call", { functionName: "get_weather" }), obs(), noRunner);
    expect(none).toEqual({ status: "fail", reason: "No tool was called." });
    const other = await checkAssertion(a("tool-call", { functionName: "send" }), obs({ toolCalls: calls }), noRunner);
    expect(other.reason).toBe("No call to send; called lookup, get_weather.");
    expect(
      await status(a("tool-call", { functionName: "get_weather", schema }), obs({ toolCalls: [{ name: "get_weather", arguments: "{" }] })),
    ).toBe("fail");
  });

  it("finish_reason is", async () => {
    expect(await status(a("finish-reason", { value: "stop" }), obs())).toBe("pass");
    expect((await checkAssertion(a("finish-reason", { value: "stop" }), obs({ finishReason: "length" }), noRunner)).reason).toBe(
      "finish_reason is length, not stop.",
    );
  });

  it("answer length within bounds, either bound optional", async () => {
    expect(await status(a("length", { min: 5, max: 100 }), obs())).toBe("pass");
    expect(await status(a("length", { min: 50, max: null }), obs())).toBe("fail");
    expect(await status(a("length", { min: null, max: 10 }), obs())).toBe("fail");
  });

  it("latency (TTFT or total) below; an error when not measured", async () => {
    expect(await status(a("latency", { measure: "total", maxMs: 2000 }), obs())).toBe("pass");
    expect(await status(a("latency", { measure: "total", maxMs: 900 }), obs())).toBe("fail");
    expect(await status(a("latency", { measure: "ttft", maxMs: 100 }), obs())).toBe("fail");
    expect(await status(a("latency", { measure: "ttft", maxMs: 100 }), obs({ ttftMs: null }))).toBe("error");
  });

  it("tokens below", async () => {
    expect(await status(a("tokens", { maxTokens: 13 }), obs())).toBe("pass");
    expect(await status(a("tokens", { maxTokens: 12 }), obs())).toBe("fail");
    expect(await status(a("tokens", { maxTokens: 12 }), obs({ completionTokens: null }))).toBe("error");
  });

  it("a JavaScript expression gets output, json, vars and response; truthy passes, an error is the assertion's", async () => {
    const seen: unknown[] = [];
    const run: ExpressionRunner = async (code, scope) => {
      seen.push({ code, scope });
      return code === "throw" ? { ok: false, error: "The expression threw: boom" } : { ok: true, value: code === "yes" ? 1 : 0 };
    };
    expect(await status(a("expression", { code: "yes" }), obs(), run)).toBe("pass");
    expect((await checkAssertion(a("expression", { code: "no" }), obs(), run)).reason).toBe("Returned 0.");
    expect(await checkAssertion(a("expression", { code: "throw" }), obs(), run)).toEqual({
      status: "error",
      reason: "The expression threw: boom",
    });
    expect(seen[0]).toEqual({
      code: "yes",
      scope: {
        output: obs().output,
        json: { name: "Ada", age: 36 },
        vars: { topic: "tides" },
        response: { id: "r1" },
        expected: undefined,
      },
    });
    await checkAssertion(a("expression", { code: "x" }), obs({ output: "plain" }), run);
    expect((seen[3] as { scope: { json: unknown } }).scope.json).toBeUndefined();
  });

  it("never throws: a runner that rejects marks the assertion, not the run", async () => {
    expect(await checkAssertion(a("expression", { code: "x" }), obs(), noRunner)).toEqual({
      status: "error",
      reason: "The check failed: not expected",
    });
  });
});
