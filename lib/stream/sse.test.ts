import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("SseParser", () => {
  it("keeps a multi-byte character split across two chunks", () => {
    const all = bytes('data: {"c":"héllo €"}\n\n');
    const euro = all.indexOf(0xe2); // first byte of "€"
    const p = new SseParser();
    const a = p.push(all.slice(0, euro + 1));
    const b = p.push(all.slice(euro + 1));
    expect(a).toEqual([]);
    expect(b).toEqual([{ data: '{"c":"héllo €"}' }]);
  });

  it("joins an event split across chunks, including between \\r and \\n", () => {
    const p = new SseParser();
    expect(p.push('data: {"a"')).toEqual([]);
    expect(p.push(":1}\r")).toEqual([]);
    expect(p.push("\n\r\ndata: [DONE]\n")).toEqual([{ data: '{"a":1}' }]);
    expect(p.push("\n")).toEqual([{ data: "[DONE]" }]);
  });

  it("reads several events in one chunk, multi-line data, event names, comments", () => {
    const p = new SseParser();
    const out = p.push(": ping\n\nevent: error\ndata: a\ndata: b\nid: 7\n\ndata:x\n\n");
    expect(out).toEqual([{ event: "error", data: "a\nb", id: "7" }, { data: "x" }]);
  });

  it("dispatches a last event without a blank line at the end", () => {
    const p = new SseParser();
    expect(p.push("data: tail")).toEqual([]);
    expect(p.end()).toEqual([{ data: "tail" }]);
  });

  it("reports lines that are not JSON as they came", () => {
    const p = new SseParser();
    expect(p.push("data: not json {\n\n")).toEqual([{ data: "not json {" }]);
  });
});

describe("SseParser on large chunks", () => {
  it("splits 20,000 events in one chunk in linear time", () => {
    const line = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: "word " } }] })}\n\n`;
    const big = line.repeat(20_000);
    const p = new SseParser();
    const t0 = performance.now();
    const events = p.push(new TextEncoder().encode(big));
    expect(events).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(1_500); // quadratic splitting took seconds
  });
});

describe("SseParser line endings", () => {
  it("treats a lone CR as a line end, including at the very end", () => {
    const p = new SseParser();
    expect(p.push("data: a\r\rdata: b\r")).toEqual([{ data: "a" }]);
    expect(p.end()).toEqual([{ data: "b" }]);
  });
});
