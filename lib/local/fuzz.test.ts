import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { handleLocalRequest } from "./index";

/**
 * The local provider at the byte level: robustness.test.ts sends well-formed JSON objects of the
 * real parameter names; this sends what a broken client or an attacker would: random bytes, JSON
 * cut anywhere, deep nesting, numbers JSON can spell but a double cannot hold, any JSON value in
 * every parameter, odd paths, methods and content types. Every answer must be a 2xx whose body
 * parses (JSON, or SSE whose every data line is JSON or [DONE]) or a 4xx in OpenAI's error shape,
 * and must finish. Fixed seeds.
 */
const PARAMS = [
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
  "suffix",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "response_format",
  "guided_choice",
  "guided_regex",
  "guided_json",
  "user",
] as const;

const VALID = { model: "local-ngram", messages: [{ role: "user", content: "hi" }], prompt: "Once", max_tokens: 4 };
const VALID_TEXT = JSON.stringify(VALID);

/** Spellings JSON.parse accepts that stress number handling downstream. */
const wildNumber = fc.constantFrom(
  "1e400",
  "-1e400",
  "1e-400",
  "-0",
  "0.0000000000000000001",
  "123456789012345678901234567890",
  "9007199254740993",
  "4.9e-324",
);

/** Keeps generation short: a valid huge request is robustness.test.ts's subject, not this file's. */
function bounded(body: Record<string, unknown>): Record<string, unknown> {
  const out = { ...body };
  for (const key of ["max_tokens", "max_completion_tokens", "n", "best_of"]) {
    const v = out[key];
    if (typeof v === "number" && v > 4) out[key] = 4;
  }
  return out;
}

const wrongTypes = fc
  .record(
    Object.fromEntries(PARAMS.map((k) => [k, fc.jsonValue({ maxDepth: 3 })])) as Record<(typeof PARAMS)[number], fc.Arbitrary<unknown>>,
    {
      requiredKeys: [],
    },
  )
  .chain((junk) => fc.boolean().map((keepValid) => JSON.stringify(bounded(keepValid ? { ...VALID, ...junk } : junk))));

/** A valid request with one parameter set to any JSON value: mostly 200s, streamed or not. */
const oneOdd = fc
  .tuple(fc.constantFrom(...PARAMS), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
  .map(([key, value, stream]) => JSON.stringify(bounded({ ...VALID, stream, [key]: value })));

const rawBody = fc.oneof(
  oneOdd,
  oneOdd,
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString("latin1")),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.nat(VALID_TEXT.length).map((n) => VALID_TEXT.slice(0, n)),
  fc.tuple(fc.nat(4000), fc.constantFrom("[", '{"a":', '{"messages":[')).map(([n, open]) => `${open.repeat(n)}1`),
  fc
    .tuple(fc.constantFrom("max_tokens", "temperature", "top_p", "seed", "n", "top_logprobs", "logit_bias"), wildNumber)
    .map(([key, n]) =>
      key === "logit_bias" ? VALID_TEXT.replace(/}$/, `,"logit_bias":{"1":${n}}}`) : VALID_TEXT.replace(/}$/, `,"${key}":${n}}`),
    ),
  wrongTypes,
  fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
);

const POSTS = ["chat/completions", "completions", "tokenize"] as const;
const endpoint = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...POSTS), fc.constant("POST")) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("models", ...POSTS), fc.constantFrom("GET", "PUT", "DELETE")) },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom("/chat/completions/", "chat//completions", "../models", "chat/completions\u0000", "%2e%2e/models", ""),
      ),
      fc.constantFrom("POST", "GET"),
    ),
  },
);

const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "text/plain",
  "application/json; charset=latin1",
  "multipart/form-data; boundary=x",
  "\u00ff",
);

async function checkAnswer(res: Response): Promise<void> {
  const text = await res.text();
  // 501 is the deliberate answer to guided decoding while its engines are not in the build.
  if (res.status !== 501) expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  if (res.status >= 400) {
    const { error } = JSON.parse(text) as { error: Record<string, unknown> };
    expect(typeof error.message).toBe("string");
    expect(typeof error.type).toBe("string");
    expect("param" in error && "code" in error).toBe(true);
    return;
  }
  expect(res.status).toBeGreaterThanOrEqual(200);
  if ((res.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    for (const line of text.split("\n")) {
      if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
      expect(() => JSON.parse(line.slice(6)), line.slice(0, 200)).not.toThrow();
    }
  } else {
    expect(() => JSON.parse(text)).not.toThrow();
  }
}

beforeAll(() => {
  process.env.LOCAL_MODEL_DELAY_MS = "0";
});

describe("the local provider under fuzzing", () => {
  it("random and malformed bodies, paths, methods and content types", async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, endpoint, contentType, async (body, [p, method], type) => {
        const headers: Record<string, string> = type === undefined ? {} : { "content-type": type };
        const init: RequestInit = method === "GET" ? { method, headers } : { method, headers, body };
        await checkAnswer(await handleLocalRequest(p, new Request("http://x/v1/", init)));
      }),
      { numRuns: 4000, seed: 6101, interruptAfterTimeLimit: 40_000 },
    );
  }, 60_000);

  it("a stream the client abandons early is cancelled without an error escaping", async () => {
    for (let i = 0; i < 50; i++) {
      const controller = new AbortController();
      const res = await handleLocalRequest(
        "chat/completions",
        new Request("http://x/v1/", {
          method: "POST",
          body: JSON.stringify({ ...VALID, stream: true, max_tokens: 200 }),
          signal: controller.signal,
        }),
      );
      const reader = res.body?.getReader();
      await reader?.read();
      controller.abort();
      await reader?.cancel().catch(() => undefined);
    }
  });
});
