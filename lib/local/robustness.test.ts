import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { handleLocalRequest } from "./index";

/**
 * Nothing a client sends may crash the server or hang a request: random bodies built from the
 * real parameter names with values of every type must each get a 200 or an OpenAI-shaped 4xx.
 */
const KEYS = [
  "model",
  "messages",
  "prompt",
  "stream",
  "stream_options",
  "temperature",
  "top_p",
  "top_k",
  "min_p",
  "max_tokens",
  "max_completion_tokens",
  "stop",
  "n",
  "seed",
  "frequency_penalty",
  "presence_penalty",
  "repetition_penalty",
  "logit_bias",
  "logprobs",
  "top_logprobs",
  "use_beam_search",
  "best_of",
  "length_penalty",
  "early_stopping",
  "echo",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
] as const;

const value = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 40 }),
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e308, -1e308, 2 ** 53 + 1),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("local-ngram", "\n", "the", "{"),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer({ min: -1, max: 3000 })), { maxLength: 4 }),
  fc.constant([{ role: "user", content: "Hello there" }]),
  fc.constant([{ role: "assistant", content: [{ type: "text", text: "x" }] }]),
  fc.constant([
    { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } },
  ]),
  fc.constantFrom("auto", "required", "none"),
  fc.dictionary(fc.constantFrom("0", "5", "-1", "x", "99999999"), fc.integer({ min: -200, max: 200 }), { maxKeys: 3 }),
);

const body = fc.record(Object.fromEntries(KEYS.map((k) => [k, value])) as Record<(typeof KEYS)[number], typeof value>, {
  requiredKeys: [],
});

async function call(path: string, payload: unknown): Promise<Response> {
  return handleLocalRequest(path, new Request(`http://x/v1/${path}`, { method: "POST", body: JSON.stringify(payload) }));
}

beforeAll(() => {
  process.env.LOCAL_MODEL_DELAY_MS = "0";
});

describe("robustness", () => {
  it("answers every random body with 200 or an OpenAI-shaped 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom("chat/completions", "completions"), fc.boolean(), async (b, path, valid) => {
        const payload = valid
          ? { ...b, model: "local-ngram", messages: [{ role: "user", content: "hi" }], prompt: "hi", max_tokens: 20 }
          : b;
        const res = await call(path, payload);
        const text = await res.text();
        expect([200, 400, 404, 413, 501]).toContain(res.status);
        if (res.status !== 200) {
          const json = JSON.parse(text);
          expect(typeof json.error.message).toBe("string");
          expect("param" in json.error && "code" in json.error && "type" in json.error).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("survives odd bodies", async () => {
    for (const raw of ["", "null", "[]", "1", '"x"', "{", '{"model":', "\u0000", "{}".repeat(1000)]) {
      const res = await handleLocalRequest("chat/completions", new Request("http://x/v1/chat/completions", { method: "POST", body: raw }));
      expect(res.status).toBe(400);
    }
    const get = await handleLocalRequest("chat/completions", new Request("http://x/v1/chat/completions"));
    expect(get.status).toBe(405);
  });

  it("bounds the worst case: 16 beams × 4096 tokens is refused before any work, the largest beam search allowed finishes", async () => {
    const worst = {
      model: "local-ngram",
      messages: [{ role: "user", content: "hi" }],
      use_beam_search: true,
      best_of: 16,
      n: 16,
      max_tokens: 4096,
      logit_bias: { "0": -100 },
    };
    const refused = await call("chat/completions", worst);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ param: "n", code: "work_limit_exceeded" });
    const t0 = Date.now();
    const res = await call("chat/completions", { ...worst, max_tokens: 256 });
    expect(res.status).toBe(200);
    expect((await res.json()).choices.length).toBe(16);
    expect(Date.now() - t0).toBeLessThan(30_000);
  }, 60_000);
});
