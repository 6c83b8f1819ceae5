import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../errors";
import { handleLocalRequest } from "../index";
import { ComputeClock, checkWork, DEFAULT_MAX_REQUEST_TOKENS, readLocalLimits, type WorkShape } from "./limits";

/** The work caps of one request: refused before any work, or stopped when the compute runs out. */
const limits = { maxRequestTokens: 4096, maxComputeMs: 1000 };
const shape: WorkShape = {
  prompts: 1,
  n: 1,
  maxTokens: 256,
  maxTokensParam: "max_tokens",
  beamWidth: null,
  topLogprobs: null,
  topLogprobsParam: "top_logprobs",
};

function refusal(w: Partial<WorkShape>): ApiError | null {
  try {
    checkWork({ ...shape, ...w }, limits);
    return null;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
}

function post(body: Record<string, unknown>): Promise<Response> {
  const payload = { model: "local-ngram", messages: [{ role: "user", content: "hi" }], ...body };
  return handleLocalRequest(
    "chat/completions",
    new Request("http://x/v1/chat/completions", { method: "POST", body: JSON.stringify(payload) }),
  );
}

beforeAll(() => {
  process.env.LOCAL_MODEL_DELAY_MS = "0";
});
afterEach(() => {
  delete process.env.LOCAL_MODEL_MAX_COMPUTE_MS;
  delete process.env.LOCAL_MODEL_MAX_REQUEST_TOKENS;
});

describe("checkWork", () => {
  it("allows up to the cap and refuses past it, naming the limit and the parameter", () => {
    expect(refusal({ n: 16, maxTokens: 256 })).toBeNull();
    expect(refusal({ maxTokens: 4096 })).toBeNull();
    const tokens = refusal({ n: 16, maxTokens: 4096 })!;
    expect(tokens).toMatchObject({ status: 400, type: "invalid_request_error", param: "n", code: "work_limit_exceeded" });
    expect(tokens.message).toContain("65536 tokens (n 16 × max_tokens 4096)");
    expect(tokens.message).toContain("at most 4096 tokens per request (LOCAL_MODEL_MAX_REQUEST_TOKENS)");
    expect(refusal({ n: 1, maxTokens: 4096, prompts: 2, maxTokensParam: "max_completion_tokens" })).toMatchObject({
      param: "max_completion_tokens",
    });
    expect(refusal({ n: 2, maxTokens: 256, beamWidth: 16 })).toBeNull();
    expect(refusal({ n: 2, maxTokens: 1024, beamWidth: 16 })).toMatchObject({ param: "best_of" });
    expect(refusal({ maxTokens: 4096, topLogprobs: 7 })).toBeNull();
    expect(refusal({ maxTokens: 4096, topLogprobs: 8 })).toMatchObject({ param: "top_logprobs" });
  });

  it("reads its cap from the environment, falling back on nonsense", () => {
    expect(readLocalLimits({ LOCAL_MODEL_MAX_REQUEST_TOKENS: "65536", LOCAL_MODEL_MAX_COMPUTE_MS: "5000" })).toEqual({
      maxRequestTokens: 65536,
      maxComputeMs: 5000,
    });
    expect(readLocalLimits({ LOCAL_MODEL_MAX_REQUEST_TOKENS: "-1", LOCAL_MODEL_MAX_COMPUTE_MS: "x" }).maxRequestTokens).toBe(
      DEFAULT_MAX_REQUEST_TOKENS,
    );
  });
});

describe("ComputeClock", () => {
  it("counts CPU time of its slices only, and throws past the budget", async () => {
    const clock = new ComputeClock(20);
    await new Promise((r) => setTimeout(r, 40)); // idle time is not compute
    clock.slice(() => undefined);
    // Spins until `ms` of this process's CPU time are used (wall time would lie on a busy machine).
    const busy = (ms: number) => {
      const cpu = () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };
      const t = cpu();
      while (cpu() - t < ms);
    };
    clock.slice(() => busy(5));
    expect(() => clock.slice(() => busy(30))).toThrow(/20 ms of compute per request \(LOCAL_MODEL_MAX_COMPUTE_MS\)/);
  });

  it("bounds wall time, delays included", async () => {
    const clock = new ComputeClock(1000, 10);
    await new Promise((r) => setTimeout(r, 20));
    expect(() => clock.slice(() => undefined)).toThrow(/longer than the local model's 0.01 s/);
  });
});

describe("through the handler", () => {
  it("refuses n × max_tokens past the cap in OpenAI's error shape before generating", async () => {
    const res = await post({ n: 16, max_tokens: 4096 });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ type: "invalid_request_error", param: "n", code: "work_limit_exceeded" });
    const completions = await handleLocalRequest(
      "completions",
      new Request("http://x/v1/completions", {
        method: "POST",
        body: JSON.stringify({ model: "local-ngram", prompt: ["a", "b"], max_tokens: 4096 }),
      }),
    );
    expect((await completions.json()).error.message).toContain("2 prompts × n 1 × max_tokens 4096");
  });

  it("stops a request past its compute budget: a 400, or mid-stream the stream's error event", async () => {
    process.env.LOCAL_MODEL_MAX_COMPUTE_MS = "1";
    const heavy = { max_tokens: 4096, temperature: 0.7, frequency_penalty: 0.5, logit_bias: { "0": -100 } };
    const res = await post(heavy);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ param: null, code: "work_limit_exceeded" });
    const stream = await (await post({ ...heavy, stream: true })).text();
    const events = stream.split("\n\n").filter(Boolean);
    expect(JSON.parse(events[events.length - 1]!.slice(6)).error.code).toBe("work_limit_exceeded");
    expect(stream).not.toContain("[DONE]");
  });

  it("a larger cap from the environment lets a larger request through", async () => {
    process.env.LOCAL_MODEL_MAX_REQUEST_TOKENS = "8192";
    const res = await post({ n: 2, max_tokens: 4096, logit_bias: { "0": -100 } });
    expect(res.status).toBe(200);
    expect((await res.json()).usage.completion_tokens).toBe(8192);
  });
});
