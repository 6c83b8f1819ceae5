import { describe, expect, it } from "vitest";
import { buildRequest } from "../request/build";
import { emptySession, type Session } from "../session/schema";
import { REDACTED_KEY } from "./body";
import { snippetSessions } from "./testing/sessions";
import { generateSnippet } from "./generate";
import { JS, PYTHON, renderLiteral, shellQuote } from "./literals";
import { snippetTarget } from "./target";
import { run } from "./testing/recorder";
import { SNIPPET_LANGUAGES } from "./types";

const base = (over: Partial<Session> = {}): Session => ({
  ...emptySession("horay", "meta-llama/Meta-Llama-3.1-8B-Instruct"),
  messages: [{ id: "m1", role: "user", content: "hi" }],
  ...over,
});
const input = (session: Session, keyEnv: string | null = "HORAY_API_KEY") => ({ session, baseUrl: "https://api.horay.ai/v1", keyEnv });

describe("shellQuote", () => {
  it.each([
    ["plain", "plain"],
    ["it's", `'it'\\''s'`],
    ['$HOME `id` \\ "x"', `'$HOME \`id\` \\ "x"'`],
    ["", "''"],
  ])("%j -> %s", (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it("round-trips through bash for quotes, $, backticks, backslashes, newlines and non-ASCII", async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${PATH} must reach bash unexpanded
    const word = "a'b\"c $HOME ${PATH} `id` $(id) \\ \\n\nnew 😀 Привет '' '\\''";
    const r = await run("bash", ["-c", `printf %s ${shellQuote(word)}`]);
    expect(r.stdout).toBe(word);
  });
});

describe("literals", () => {
  it("writes Python's True, False and None and JS's true, false and null", () => {
    const v = { a: true, b: false, c: null, d: [1, "x"] };
    expect(renderLiteral(v, PYTHON)).toBe('{"a": True, "b": False, "c": None, "d": [1, "x"]}');
    expect(renderLiteral(v, JS)).toBe('{ a: true, b: false, c: null, d: [1, "x"] }');
  });

  it("quotes JS keys that are not identifiers and keeps __proto__ a plain field", () => {
    expect(renderLiteral({ "a-b": 1, "50256": 2, __proto__x: 3 }, JS)).toBe('{ "50256": 2, "a-b": 1, __proto__x: 3 }');
    const parsed = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    expect(renderLiteral(parsed, JS)).toBe('{ ["__proto__"]: 1 }');
  });

  it("escapes line and paragraph separators", () => {
    expect(renderLiteral("a\u2028b\u2029c", JS)).toBe('"a\\u2028b\\u2029c"');
  });

  it("breaks long values over lines", () => {
    const text = renderLiteral({ a: "x".repeat(120), b: [1] }, PYTHON, "    ");
    expect(text).toBe(`{\n        "a": "${"x".repeat(120)}",\n        "b": [1],\n    }`);
  });
});

describe("curl snippet", () => {
  it("double-quotes the key header and single-quotes the exact body", () => {
    const s = base({ messages: [{ id: "m1", role: "user", content: "it's $HOME `id`" }] });
    const code = generateSnippet("curl", input(s));
    expect(code).toContain(`-H "Authorization: Bearer $HORAY_API_KEY"`);
    expect(code).toContain(`-d '${buildRequest(s).text.replaceAll("'", `'\\''`)}'`);
    expect(code.startsWith("curl https://api.horay.ai/v1/chat/completions \\\n")).toBe(true);
  });

  it("streams with -N and leaves out the key header when none is needed", () => {
    const s = base({ params: { stream: { enabled: true, value: true } } });
    const code = generateSnippet("curl", input(s, null));
    expect(code).toContain("-N");
    expect(code).not.toContain("Authorization");
  });

  it("quotes a URL with shell characters", () => {
    const code = generateSnippet("curl", { session: base(), baseUrl: "https://h/v1?a=1&b=2", keyEnv: null });
    expect(code).toContain("curl 'https://h/v1?a=1&b=2/chat/completions'");
  });

  it("refuses a variable name that would run as code", () => {
    expect(() => generateSnippet("curl", input(base(), "X;rm -rf /"))).toThrow(/environment variable/);
  });
});

describe("JavaScript and TypeScript snippets", () => {
  const s = base({ params: { temperature: { enabled: true, value: 0.5 }, top_k: { enabled: true, value: 5 } } });

  it("read the key from process.env and spread non-OpenAI fields in place", () => {
    const code = generateSnippet("javascript", input(s));
    expect(code).toContain("apiKey: process.env.HORAY_API_KEY,");
    expect(code).toMatch(/temperature: 0\.5,\n.*\n {2}\.\.\.\{ top_k: 5 \},/);
  });

  it("casts only in TypeScript, and only where a value would not type-check", () => {
    const odd = base({ extraBody: '{"n":"two"}' });
    expect(generateSnippet("typescript", input(s))).not.toMatch(/ as (object|unknown)/);
    expect(generateSnippet("typescript", input(odd))).toContain('...({ n: "two" } as object),');
    expect(generateSnippet("javascript", input(odd))).toContain('...{ n: "two" },');
  });

  it("types image parts, tool calls and tool results as the SDK's message params, without a cast", () => {
    const tools = snippetSessions().toolsAndImages!;
    expect(generateSnippet("typescript", input(tools))).not.toMatch(/ as (object|unknown)/);
    const sent = { ...tools, messages: tools.messages.map((m) => (m.reasoning ? { ...m, reasoning: { ...m.reasoning, send: true } } : m)) };
    // reasoning_content is no field of the SDK's types: the messages are cast, never changed.
    expect(generateSnippet("typescript", input(sent))).toContain("as unknown as OpenAI.Chat.ChatCompletionMessageParam[]");
  });

  it("prints a stream chunk by chunk", () => {
    const code = generateSnippet("typescript", input(base({ params: { stream: { enabled: true, value: true } } })));
    expect(code).toContain('process.stdout.write(chunk.choices[0]?.delta?.content ?? "");');
  });
});

describe("HTTP snippet", () => {
  it("counts Content-Length in UTF-8 bytes and names the key variable only", () => {
    const s = base({ messages: [{ id: "m1", role: "user", content: "é😀" }] });
    const code = generateSnippet("http", { session: s, baseUrl: "http://127.0.0.1:8080/api/v1", keyEnv: "HORAY_API_KEY" });
    const text = buildRequest(s).text;
    expect(code).toBe(
      `POST /api/v1/chat/completions HTTP/1.1\nHost: 127.0.0.1:8080\nAuthorization: Bearer $HORAY_API_KEY\n` +
        `Content-Type: application/json\nContent-Length: ${Buffer.byteLength(text)}\n\n${text}\n`,
    );
    // é is 2 bytes for 1 UTF-16 unit, 😀 4 bytes for 2.
    expect(Buffer.byteLength(text)).toBe(text.length + 3);
  });
});

describe("keys", () => {
  it("never puts a key from the extra body into any snippet", () => {
    const s = base({ providerId: "telnyx", extraBody: '{"openai_api_key":"sk-live-123","x":1}' });
    for (const { id } of SNIPPET_LANGUAGES) {
      const code = generateSnippet(id, input(s, "TELNYX_API_KEY"));
      expect(code, id).not.toContain("sk-live-123");
      expect(code, id).toContain(REDACTED_KEY);
    }
  });
});

describe("snippetTarget", () => {
  it("uses the registry's base URL and key variable", () => {
    expect(snippetTarget(base(), "http://localhost:3000")).toEqual({ baseUrl: "https://api.horay.ai/v1", keyEnv: "HORAY_API_KEY" });
    expect(snippetTarget({ ...emptySession("netmind", "m") }, "x").keyEnv).toBe("NETMIND_API_KEY");
  });

  it("uses a chosen alternative base URL, custom's own, and the app itself for local", () => {
    expect(snippetTarget({ ...emptySession("neyra", "m"), baseUrl: "https://api.neyratech.com/v1/" }, "x").baseUrl).toBe(
      "https://api.neyratech.com/v1",
    );
    expect(snippetTarget({ ...emptySession("custom", "m"), baseUrl: "http://localhost:11434/v1" }, "x")).toEqual({
      baseUrl: "http://localhost:11434/v1",
      keyEnv: "OPENAI_API_KEY",
    });
    expect(snippetTarget(emptySession("local", "local-ngram"), "http://127.0.0.1:3000/")).toEqual({
      baseUrl: "http://127.0.0.1:3000/api/local/v1",
      keyEnv: null,
    });
  });
});
