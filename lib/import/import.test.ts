import { describe, expect, it } from "vitest";
import { buildRequest } from "../request/build";
import { emptySession } from "../session/schema";
import { KEY_DROPPED, PLACEHOLDER_DROPPED } from "./headers";
import { importText } from "./import-text";
import { exportSessionFile } from "./session-file";

const ok = (text: string, options = {}) => {
  const r = importText(text, options);
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe("importText: curl", () => {
  it("drops a real key with a notice and never keeps it anywhere", () => {
    const key = "sk-proj-abcdef0123456789";
    const r = ok(
      `curl -sS -X POST https://api.openai.com/v1/chat/completions -H "Authorization: Bearer ${key}" -H 'Content-Type: application/json' --data-raw '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"temperature":0.2}'`,
    );
    expect(r.session.providerId).toBe("openai");
    expect(r.session.params).toEqual({ temperature: { enabled: true, value: 0.2 } });
    expect(r.notices).toEqual([KEY_DROPPED]);
    expect(JSON.stringify(r)).not.toContain(key);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell placeholder ${API_KEY} itself
  it.each(["<token>", "YOUR_API_KEY", "$NEYRA_API_KEY", "${API_KEY}"])("treats %s as a placeholder", (token) => {
    const r = ok(
      `curl https://api.horay.ai/v1/chat/completions -H "Authorization: Bearer ${token.replaceAll("$", "\\$")}" -d '{"model":"m","messages":[]}'`,
    );
    expect(r.notices).toContain(PLACEHOLDER_DROPPED);
  });

  it("matches an alternative base URL and keeps it; an unknown one becomes custom", () => {
    const alt = ok(`curl https://apigateway.avangenio.net/v1/chat/completions -d '{"model":"spark","messages":[]}'`);
    expect(alt.session).toMatchObject({ providerId: "avangenio", baseUrl: "https://apigateway.avangenio.net/v1" });
    const custom = ok(`curl --url http://localhost:11434/v1/completions --json '{"model":"llama3","prompt":"Once"}'`);
    expect(custom.session).toMatchObject({
      providerId: "custom",
      baseUrl: "http://localhost:11434/v1",
      mode: "completions",
      prompt: "Once",
    });
  });

  it("recognises the app's own local provider", () => {
    const r = ok(`curl http://127.0.0.1:3000/api/local/v1/chat/completions -d '{"model":"local-ngram","messages":[]}'`);
    expect(r.session).toMatchObject({ providerId: "local", baseUrl: "" });
  });

  it("puts the first system message in the system prompt, unknown fields in the extra body and drops key fields", () => {
    const body = {
      model: "m",
      messages: [
        { role: "system", content: "sys" },
        { role: "user", content: "u", name: "bob" },
        { role: "system", content: "later" },
      ],
      top_k: 3,
      stream_options: { include_usage: true },
      openai_api_key: "sk-abc",
    };
    const r = ok(`curl https://api.telnyx.com/v2/ai/chat/completions -d '${JSON.stringify(body)}'`);
    expect(r.session.systemPrompt).toBe("sys");
    expect(r.session.messages).toEqual([
      { id: "m1", role: "user", content: "u", name: "bob" },
      { id: "m2", role: "system", content: "later" },
    ]);
    expect(r.session.params).toEqual({ top_k: { enabled: true, value: 3 } });
    expect(JSON.parse(r.session.extraBody)).toEqual({ stream_options: { include_usage: true } });
    expect(r.notices).toContain(
      "The openai_api_key field was dropped; keys are never stored. Type it into the openai_api_key field (kept in memory only); snippets read it from OPENAI_API_KEY.",
    );
    expect(JSON.stringify(r)).not.toContain("sk-abc");
  });

  it("holds content parts, tool calls and tool results as messages, so they can be edited and sent unchanged", () => {
    const messages = [
      {
        role: "user",
        content: [
          { type: "text", text: "What is in this picture, and the weather?" },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "low" } },
        ],
      },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
      },
      { role: "tool", tool_call_id: "call_1", content: "18 °C" },
      { role: "assistant", content: "It is 18 °C.", reasoning_content: "The tool said 18." },
    ];
    const r = ok(`curl https://api.openai.com/v1/chat/completions -d '${JSON.stringify({ model: "gpt-4o", messages })}'`);
    expect(r.session.extraBody).toBe("");
    expect(r.session.messages.map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    expect(r.session.messages[1]?.tool_calls?.[0]?.function.name).toBe("get_weather");
    expect(r.session.messages[3]?.reasoning).toEqual({ text: "The tool said 18.", field: "reasoning_content", send: true });
    expect(buildRequest(r.session).body.messages).toEqual(messages);
  });

  it("keeps messages the editor can't hold in the extra body, so the request is unchanged", () => {
    const parts = [{ role: "user", content: [{ type: "text", text: "hi", cache_control: { type: "ephemeral" } }] }];
    const r = ok(`curl https://api.openai.com/v1/chat/completions -d '${JSON.stringify({ model: "gpt-4o", messages: parts })}'`);
    expect(r.session.messages).toEqual([]);
    expect(JSON.parse(r.session.extraBody)).toEqual({ messages: parts });
  });

  it.each([
    ["curl", /no URL/],
    ["curl https://x.test/v1/models -d '{}'", /does not end in \/chat\/completions or \/completions/],
    ["curl https://x.test/v1/chat/completions", /sends no body/],
    ["curl https://x.test/v1/chat/completions -d @body.json", /reads the body from a file/],
    ["curl https://x.test/v1/chat/completions -F a=b", /multipart form/],
    ["curl https://x.test/v1/chat/completions -d '{\"model\": }'", /body is not valid JSON/],
    ["wget https://x.test", /^Line 1: expected a curl command or a JSON object; found “wget https:\/\/x\.test”\.$/],
    ["\n\nhello world", /^Line 3: expected a curl command/],
    ["curl -d '{", /^Line 1: a ' quote opened here is never closed\.$/],
  ])("rejects %j with a message saying what was not understood", (text, message) => {
    const r = importText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});

describe("importText: JSON", () => {
  it("takes a bare body, with the provider from its model or the current session", () => {
    const r = ok('{"model":"radiance","messages":[{"role":"user","content":"x"}],"n":2}');
    expect(r.source).toBe("json-body");
    expect(r.session).toMatchObject({ providerId: "avangenio", model: "radiance", params: { n: { enabled: true, value: 2 } } });
    const kept = ok('{"model":"gpt-4o-mini","prompt":"p"}', { current: { providerId: "custom", baseUrl: "http://h/v1" } });
    expect(kept.session).toMatchObject({ providerId: "custom", baseUrl: "http://h/v1", mode: "completions", prompt: "p" });
  });

  it("says where JSON is broken and what is missing", () => {
    expect(importText('{"model": "m",\n  "x" 1}')).toEqual({
      ok: false,
      error: expect.stringMatching(/^Line 2, column 7: the JSON is not valid/),
    });
    expect(importText('{"a": 1}')).toEqual({ ok: false, error: expect.stringMatching(/none of model, messages or prompt/) });
    expect(importText("   ")).toEqual({ ok: false, error: expect.stringMatching(/^Nothing to import/) });
  });

  it("round-trips a saved session file, compare views included, and validates it", () => {
    const session = { ...emptySession("horay", "gpt-4o-mini"), messages: [{ id: "a", role: "user" as const, content: "hi" }] };
    const payload = {
      kind: "compare" as const,
      session,
      columns: [{ id: "c1", providerId: "neyra" as const, model: "neyra/1D", baseUrl: "", params: {} }],
    };
    const r = ok(exportSessionFile(payload));
    expect(r.source).toBe("session-file");
    expect(r.payload).toEqual(payload);
    const broken = JSON.parse(exportSessionFile({ kind: "session", session })) as { payload: { session: { mode: string } } };
    broken.payload.session.mode = "weird";
    expect(importText(JSON.stringify(broken))).toEqual({
      ok: false,
      error: expect.stringMatching(/^This session file is not valid: payload\.session\.mode: /),
    });
    expect(importText('{"kind":"playground-session","version":2}')).toEqual({ ok: false, error: expect.stringMatching(/newer version/) });
  });
});
