import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { rawPathname, resolveProxyRoute } from "./paths";

const base = "http://127.0.0.1:3000";

function status(provider: string, segments: string[], raw: string, method = "POST"): number {
  try {
    resolveProxyRoute(provider, segments, `${base}${raw}`, method);
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe("resolveProxyRoute", () => {
  it("accepts the three endpoints where the profile offers them", () => {
    expect(status("neyra", ["chat", "completions"], "/api/proxy/neyra/chat/completions")).toBe(200);
    expect(status("netmind", ["completions"], "/api/proxy/netmind/completions")).toBe(200);
    expect(status("horay", ["models"], "/api/proxy/horay/models", "GET")).toBe(200);
    expect(status("custom", ["completions"], "/api/proxy/custom/completions?x=1")).toBe(200);
  });

  it("refuses completions where the profile does not offer it", () => {
    expect(status("horay", ["completions"], "/api/proxy/horay/completions")).toBe(404);
    expect(status("telnyx", ["completions"], "/api/proxy/telnyx/completions")).toBe(404);
  });

  it("refuses unknown providers and paths", () => {
    expect(status("nope", ["chat", "completions"], "/api/proxy/nope/chat/completions")).toBe(404);
    expect(status("neyra", ["embeddings"], "/api/proxy/neyra/embeddings")).toBe(404);
    expect(status("neyra", ["chat", "completions", "x"], "/api/proxy/neyra/chat/completions/x")).toBe(404);
  });

  it.each([
    ["/api/proxy/neyra/chat%2Fcompletions", ["chat/completions"]],
    ["/api/proxy/neyra/chat%2fcompletions", ["chat", "completions"]],
    ["/api/proxy/neyra/../neyra/chat/completions", ["chat", "completions"]],
    ["/api/proxy/neyra/%2e%2e/models", ["models"]],
    ["/api/proxy/neyra/chat/./completions", ["chat", "completions"]],
    ["/api/proxy/neyra/chat//completions", ["chat", "completions"]],
    ["/api/proxy/neyra/chat%5Ccompletions", ["chat", "completions"]],
    ["/api/proxy/neyra/chat\\completions", ["chat", "completions"]],
    ["/api/proxy/ne%79ra/chat/completions", ["chat", "completions"]],
  ])("refuses the path trick %s even when Next decoded it into an allowed route", (raw, segments) => {
    expect(status("neyra", segments, raw)).toBe(404);
  });

  it("answers a wrong method with 405", () => {
    expect(status("neyra", ["chat", "completions"], "/api/proxy/neyra/chat/completions", "GET")).toBe(405);
    expect(status("neyra", ["models"], "/api/proxy/neyra/models", "POST")).toBe(405);
  });

  it("takes the raw path without WHATWG normalisation", () => {
    expect(rawPathname("http://h:1/a/%2e%2e/b?q=1")).toBe("/a/%2e%2e/b");
    expect(rawPathname("/a/b#x")).toBe("/a/b");
  });
});
