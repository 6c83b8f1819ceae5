import { describe, expect, it } from "vitest";
import { runRequest } from "./run";

function streamResponse(chunks: string[], opts: { breakAfter?: boolean; status?: number } = {}): Response {
  const enc = new TextEncoder();
  const queue = chunks.slice();
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      const next = queue.shift();
      if (next !== undefined) c.enqueue(enc.encode(next));
      else if (opts.breakAfter) c.error(new TypeError("network error"));
      else c.close();
    },
  });
  return new Response(body, {
    status: opts.status ?? 200,
    headers: { "content-type": "text/event-stream", "x-upstream-url": "http://u/v1/chat/completions" },
  });
}

const run = (res: Response) => {
  let t = 0;
  return runRequest({
    url: "/x",
    headers: {},
    body: "{}",
    signal: new AbortController().signal,
    onChange: () => {},
    now: () => (t += 5),
    fetchImpl: async () => res,
  });
};

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

describe("runRequest", () => {
  it("records events with times and assembles a streamed answer", async () => {
    const r = await run(streamResponse([chunk("Hel"), chunk("lo", "stop"), "data: [DONE]\n\n"]));
    expect(r.state).toBe("done");
    expect(r.events.map((e) => e.data)).toHaveLength(3);
    expect(r.events[0]!.t).toBeGreaterThan(0);
    expect(r.choices[0]!.text).toBe("Hello");
    expect(r.upstreamUrl).toBe("http://u/v1/chat/completions");
    expect(r.firstTokenMs).not.toBeNull();
  });

  it("keeps the text of a stream that breaks off and marks it interrupted", async () => {
    const r = await run(streamResponse([chunk("Half an ans")], { breakAfter: true }));
    expect(r.state).toBe("error");
    expect(r.error?.kind).toBe("interrupted");
    expect(r.choices[0]!.text).toBe("Half an ans");
  });

  it("flags a stream that ends without [DONE] or finish_reason", async () => {
    const r = await run(streamResponse([chunk("abc")]));
    expect(r.error?.kind).toBe("interrupted");
  });

  it("records a data line that is not JSON", async () => {
    const r = await run(streamResponse([chunk("ok"), "data: <html>oops\n\n", "data: [DONE]\n\n"]));
    expect(r.error?.kind).toBe("bad-line");
    expect(r.events[1]).toMatchObject({ data: "<html>oops", ok: false });
    expect(r.choices[0]!.text).toBe("ok");
  });

  it("reports an error event inside the stream", async () => {
    const r = await run(
      streamResponse([chunk("a"), `data: ${JSON.stringify({ error: { message: "idle timeout", type: "timeout_error" } })}\n\n`]),
    );
    expect(r.error).toMatchObject({ kind: "upstream", message: "idle timeout" });
  });

  it("turns an HTTP error body into status and the provider's message", async () => {
    const res = new Response(JSON.stringify({ error: { message: "Rate limit reached", type: "rate_limit_error", code: "rate_limited" } }), {
      status: 429,
      headers: { "content-type": "application/json" },
    });
    const r = await run(res);
    expect(r.error).toMatchObject({ kind: "http", status: 429, message: "Rate limit reached", code: "rate_limited" });
    expect(r.bodyText).toContain("Rate limit");
  });

  it("reads a non-streamed JSON answer", async () => {
    const res = new Response(
      JSON.stringify({
        choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }],
        usage: { completion_tokens: 1 },
      }),
      { headers: { "content-type": "application/json" } },
    );
    const r = await run(res);
    expect(r.state).toBe("done");
    expect(r.choices[0]!.text).toBe("hi");
    expect(r.usage?.completion_tokens).toBe(1);
  });

  it("ends as stopped, not failed, when aborted", async () => {
    const ctrl = new AbortController();
    const r = await runRequest({
      url: "/x",
      headers: {},
      body: "{}",
      signal: ctrl.signal,
      onChange: () => {},
      fetchImpl: async () => {
        ctrl.abort();
        throw new DOMException("aborted", "AbortError");
      },
    });
    expect(r.state).toBe("stopped");
    expect(r.error).toBeNull();
  });

  it("times the first reasoning and the first answer token, and takes usage from the choices: [] chunk", async () => {
    const ev = (d: unknown) => `data: ${JSON.stringify(d)}\n\n`;
    const r = await run(
      streamResponse([
        ev({ choices: [{ index: 0, delta: { role: "assistant", content: "" } }], usage: null }),
        ev({ choices: [{ index: 0, delta: { reasoning_content: "Think" } }], usage: null }),
        ev({ choices: [{ index: 0, delta: { reasoning_content: "ing." } }], usage: null }),
        ev({ choices: [{ index: 0, delta: { content: "Done" }, finish_reason: "stop" }], usage: null }),
        ev({ choices: [], usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 } }),
        "data: [DONE]\n\n",
      ]),
    );
    expect(r.state).toBe("done");
    expect(r.firstReasoningMs).not.toBeNull();
    expect(r.firstAnswerMs).toBeGreaterThan(r.firstReasoningMs ?? Number.POSITIVE_INFINITY);
    expect(r.firstTokenMs).toBe(r.firstReasoningMs);
    expect(r.usage).toEqual({ prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });
    expect(r.choices[0]).toMatchObject({ text: "Done", reasoning: { text: "Thinking.", field: "reasoning_content" } });
  });

  it("releases text held back as a possible <think> when the stream ends", async () => {
    const r = await run(streamResponse([chunk("<th", "stop"), "data: [DONE]\n\n"]));
    expect(r.choices[0]!.text).toBe("<th");
    expect(r.firstAnswerMs).not.toBeNull();
  });
});
