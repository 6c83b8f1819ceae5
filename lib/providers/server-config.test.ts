import { describe, expect, it } from "vitest";
import { PROFILES } from "./index";
import { publicProviders, serverBaseUrl, serverConfigFor } from "./server-config";

describe("server config", () => {
  it("reads <ID>_API_KEY and <ID>_BASE_URL, treating empty values as unset", () => {
    const env = { NEYRA_API_KEY: "sk-1", NEYRA_BASE_URL: "http://h/x//", HORAY_API_KEY: " " };
    expect(serverConfigFor(PROFILES.neyra, env)).toEqual({ baseUrl: "http://h/x", apiKey: "sk-1" });
    expect(serverConfigFor(PROFILES.horay, env)).toEqual({ baseUrl: "https://api.horay.ai/v1", apiKey: null });
  });

  it("reports a broken base URL as a server error naming the variable", () => {
    expect(() => serverBaseUrl(PROFILES.telnyx, { TELNYX_BASE_URL: "ftp://x" })).toThrow(/TELNYX_BASE_URL/);
  });

  it("lists providers with a boolean instead of the key, and no credentials in base URLs", () => {
    const secret = "sk-very-secret-value";
    const list = publicProviders({ NEYRA_API_KEY: secret, OPENAI_BASE_URL: "https://u:pw@gw.example/v1?key=zzz" });
    expect(list.map((p) => p.id)).toContain("telnyx");
    expect(list.find((p) => p.id === "neyra")?.hasServerKey).toBe(true);
    expect(list.find((p) => p.id === "horay")?.hasServerKey).toBe(false);
    expect(list.find((p) => p.id === "openai")?.baseUrl).toBe("https://gw.example/v1");
    const json = JSON.stringify(list);
    expect(json).not.toContain("sk-very");
    expect(json).not.toContain("pw@");
    expect(json).not.toContain("zzz");
  });
});
