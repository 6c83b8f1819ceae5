import { describe, expect, it } from "vitest";
import { computeMetrics, parseServerTiming } from "./metrics";
import { newRecord } from "../run/run";

describe("metrics", () => {
  it("reads the upstream duration from Server-Timing", () => {
    expect(parseServerTiming('upstream;desc="upstream first byte";dur=4.4')).toBe(4.4);
    expect(parseServerTiming("db;dur=3, upstream;dur=120")).toBe(120);
    expect(parseServerTiming("db;dur=3")).toBeNull();
    expect(parseServerTiming(null)).toBeNull();
  });

  it("computes TTFT, total, tokens/s from usage and status for a streamed run", () => {
    const r = newRecord();
    r.streamed = true;
    r.status = 200;
    r.firstTokenMs = 100;
    r.totalMs = 1100;
    r.usage = { prompt_tokens: 5, completion_tokens: 50, total_tokens: 55 };
    r.responseHeaders = [
      ["x-upstream-url", "http://u/v1/chat/completions"],
      ["server-timing", "upstream;dur=900"],
    ];
    r.upstreamUrl = "http://u/v1/chat/completions";
    expect(computeMetrics(r)).toEqual({
      ttftMs: 100,
      reasoningTtftMs: null,
      answerTtftMs: null,
      reasoningChars: null,
      totalMs: 1100,
      tokensPerSecond: 50,
      tokenSource: "usage",
      promptTokens: 5,
      completionTokens: 50,
      totalTokens: 55,
      status: 200,
      upstreamUrl: "http://u/v1/chat/completions",
      upstreamMs: 900,
    });
  });

  it("counts chunks when a stream sends no usage", () => {
    const r = newRecord();
    r.streamed = true;
    r.firstTokenMs = 0;
    r.totalMs = 2000;
    r.deltaCount = 10;
    const m = computeMetrics(r);
    expect(m.tokensPerSecond).toBe(5);
    expect(m.tokenSource).toBe("chunks");
  });
});
