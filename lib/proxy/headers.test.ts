import { describe, expect, it } from "vitest";
import { browserAuthorization, proxyResponseHeaders, shownUpstreamUrl, upstreamRequestHeaders } from "./headers";

describe("request header policy", () => {
  const incoming = new Headers({
    "content-type": "application/json",
    accept: "text/event-stream",
    authorization: "Bearer sk-user",
    cookie: "playground_access=abc; other=1",
    "x-playground-access-token": "secret",
    "x-forwarded-for": "10.0.0.1",
    "x-stainless-os": "Linux",
    "openai-organization": "org-1",
    host: "playground.example",
  });

  it("forwards only the allow-list, never cookies or the access token", () => {
    const out = upstreamRequestHeaders(incoming, "Bearer sk-user", new Uint8Array(7));
    expect(out).toEqual({
      "content-type": "application/json",
      accept: "text/event-stream",
      "openai-organization": "org-1",
      authorization: "Bearer sk-user",
      "content-length": "7",
      "accept-encoding": "identity",
      "user-agent": "llm-playground-proxy",
    });
  });

  it("treats an empty bearer as no key", () => {
    expect(browserAuthorization(new Headers({ authorization: "Bearer " }))).toBeNull();
    expect(browserAuthorization(new Headers())).toBeNull();
    expect(browserAuthorization(incoming)).toBe("Bearer sk-user");
  });
});

describe("response header policy", () => {
  it("keeps the content type, adds facts, and never passes cookies", () => {
    const out = proxyResponseHeaders(
      { "content-type": "application/json", "set-cookie": ["a=1"], "x-ratelimit-remaining-requests": "9", server: "x" },
      { upstreamUrl: "https://api.example/v1/chat/completions", ttfbMs: 12.345 },
    );
    expect(out.get("content-type")).toBe("application/json");
    expect(out.get("set-cookie")).toBeNull();
    expect(out.get("server")).toBeNull();
    expect(out.get("x-ratelimit-remaining-requests")).toBe("9");
    expect(out.get("x-upstream-url")).toBe("https://api.example/v1/chat/completions");
    expect(out.get("server-timing")).toBe('upstream;desc="upstream first byte";dur=12.3');
    expect(out.get("cache-control")).toBe("no-store");
  });

  it("marks event streams no-transform and unbuffered", () => {
    const out = proxyResponseHeaders({ "content-type": "text/event-stream; charset=utf-8" }, { upstreamUrl: "u", ttfbMs: 1 });
    expect(out.get("cache-control")).toBe("no-cache, no-transform");
    expect(out.get("x-accel-buffering")).toBe("no");
  });

  it("shows a redirect target without letting the browser follow it", () => {
    const out = proxyResponseHeaders({ location: "http://169.254.169.254/" }, { upstreamUrl: "u", ttfbMs: 1 });
    expect(out.get("location")).toBeNull();
    expect(out.get("x-upstream-location")).toBe("http://169.254.169.254/");
  });

  it("marks every proxied response nosniff and sandboxed, whatever its type", () => {
    for (const type of ["text/html", "image/svg+xml", "application/json", "text/event-stream"]) {
      const out = proxyResponseHeaders({ "content-type": type }, { upstreamUrl: "u", ttfbMs: 1 });
      expect(out.get("x-content-type-options")).toBe("nosniff");
      expect(out.get("content-security-policy")).toBe("sandbox");
      expect(out.get("content-type")).toBe(type);
    }
  });

  it("shows origin and path of the upstream URL only: no userinfo, no query", () => {
    const out = proxyResponseHeaders({}, { upstreamUrl: "https://user:pw@api.example:8443/v1/chat/completions?key=k#f", ttfbMs: 1 });
    expect(out.get("x-upstream-url")).toBe("https://api.example:8443/v1/chat/completions");
    expect(shownUpstreamUrl("local:/models")).toBe("local:/models");
    expect(shownUpstreamUrl("not a url")).toBe("");
  });
});
