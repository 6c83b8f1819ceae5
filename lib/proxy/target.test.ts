import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { PROFILES } from "../providers";
import { readProxySettings } from "./settings";
import { resolveTarget, upstreamUrl } from "./target";

const settings = readProxySettings({});
const env = { NEYRA_API_KEY: "sk-server", NEYRA_BASE_URL: "http://emu.test/neyra/api/v1/" };

describe("resolveTarget", () => {
  it("attaches the server key when the browser sends none", () => {
    const t = resolveTarget(PROFILES.neyra, "chat/completions", new Headers(), settings, env);
    expect(t.authorization).toBe("Bearer sk-server");
    expect(t.url.href).toBe("http://emu.test/neyra/api/v1/chat/completions");
    expect(t.lookup).toBeUndefined();
  });

  it("prefers the browser's key", () => {
    const t = resolveTarget(PROFILES.neyra, "models", new Headers({ authorization: "Bearer sk-user" }), settings, env);
    expect(t.authorization).toBe("Bearer sk-user");
  });

  it("answers 401 naming the env var when no key exists", () => {
    const error = (() => {
      try {
        resolveTarget(PROFILES.horay, "chat/completions", new Headers(), settings, {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toContain("HORAY_API_KEY");
  });

  it("uses the documented base URL by default", () => {
    const t = resolveTarget(PROFILES.netmind, "completions", new Headers(), settings, { NETMIND_API_KEY: "k" });
    expect(t.url.href).toBe("https://inference-api.netmind.ai/inference-api/openai/v1/completions");
  });

  it("never sends a server key to a custom base URL, and vets its host", () => {
    const allEnv = { ...env, OPENAI_API_KEY: "sk-openai" };
    const headers = new Headers({ "x-upstream-base-url": "https://llm.example/v1/" });
    const t = resolveTarget(PROFILES.custom, "chat/completions", headers, settings, allEnv);
    expect(t.authorization).toBeNull();
    expect(t.url.href).toBe("https://llm.example/v1/chat/completions");
    expect(t.lookup).toBeTypeOf("function");
  });

  it("drops the guard when private upstreams are allowed", () => {
    const open = { ...settings, allowPrivateUpstreams: true };
    const headers = new Headers({ "x-upstream-base-url": "http://localhost:11434/v1", authorization: "Bearer u" });
    const t = resolveTarget(PROFILES.custom, "models", headers, open, {});
    expect(t.lookup).toBeUndefined();
    expect(t.authorization).toBe("Bearer u");
  });

  it("keeps a base URL's path and query when appending the endpoint", () => {
    expect(upstreamUrl(new URL("http://h/a/b?v=1"), "models").href).toBe("http://h/a/b/models?v=1");
    expect(upstreamUrl(new URL("http://h"), "chat/completions").href).toBe("http://h/chat/completions");
  });
});

describe("resolveTarget: a seed provider's documented alternative base URLs", () => {
  const keyed = { NEYRA_API_KEY: "sk-server", AVANGENIO_API_KEY: "k" };
  const withBase = (url: string) => new Headers({ "x-upstream-base-url": url });

  it("goes to the alternative the page documents when the session chose it", () => {
    const t = resolveTarget(PROFILES.neyra, "chat/completions", withBase("https://api.neyratech.com/v1"), settings, keyed);
    expect(t.url.href).toBe("https://api.neyratech.com/v1/chat/completions");
    expect(t.authorization).toBe("Bearer sk-server");
    const a = resolveTarget(PROFILES.avangenio, "chat/completions", withBase("https://apigateway.avangenio.net/v1/"), settings, keyed);
    expect(a.url.href).toBe("https://apigateway.avangenio.net/v1/chat/completions");
  });

  it("accepts the operator's <ID>_BASE_URL as the header's value", () => {
    const t = resolveTarget(PROFILES.neyra, "models", withBase("http://emu.test/neyra/api/v1"), settings, env);
    expect(t.url.href).toBe("http://emu.test/neyra/api/v1/models");
  });

  it("refuses any other URL for a seed provider with a 400 naming the documented ones", () => {
    for (const url of ["https://evil.example/v1", "http://api.neyratech.com/v1", "https://api.neyratech.com/v1?x=1"]) {
      let error: unknown;
      try {
        resolveTarget(PROFILES.neyra, "chat/completions", withBase(url), settings, keyed);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).code).toBe("undocumented_base_url");
      expect((error as ApiError).message).toContain("https://api.neyratech.com/v1");
      expect((error as ApiError).message).not.toContain("sk-server");
    }
    expect(() =>
      resolveTarget(PROFILES.horay, "chat/completions", withBase("https://api.neyratech.com/v1"), settings, { HORAY_API_KEY: "k" }),
    ).toThrow(ApiError);
  });
});
