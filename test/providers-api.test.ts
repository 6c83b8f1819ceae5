import { describe, expect, inject, it } from "vitest";
import { CONTRACTS } from "../e2e/fixtures/emulator-contracts";
import { PROFILES, PROVIDER_IDS } from "../lib/providers";
import { SERVER_KEYS } from "./support/global-setup";
import { rawRequest } from "./support/http";

const server = inject("serverUrl");

interface Listed {
  id: string;
  hasServerKey: boolean;
  baseUrl: string;
  endpoints: string[];
}

describe("GET /api/providers", () => {
  it("lists every profile with hasServerKey and never a key", async () => {
    const res = await rawRequest(server, { path: "/api/providers" });
    expect(res.status).toBe(200);
    const { providers } = JSON.parse(res.text) as { providers: Listed[] };
    expect(providers.map((p) => p.id)).toEqual([...PROVIDER_IDS]);
    const keyed = Object.fromEntries(providers.map((p) => [p.id, p.hasServerKey]));
    expect(keyed).toMatchObject({
      neyra: true,
      horay: true,
      avangenio: true,
      netmind: true,
      telnyx: true,
      openai: false,
      custom: false,
      local: false,
    });
    for (const key of Object.values(SERVER_KEYS)) {
      expect(res.text).not.toContain(key);
      expect(res.text).not.toContain(key.slice(3));
    }
  });
});

describe("profiles against the provider pages (via the emulator's contracts)", () => {
  it.each(CONTRACTS.map((c) => [c.id, c] as const))("%s: default base URL is a documented one", (id, contract) => {
    const profile = PROFILES[id as keyof typeof PROFILES];
    const url = new URL(profile.baseUrl);
    expect(url.host).toBe(contract.host);
    expect(contract.basePaths).toContain(url.pathname.replace(/\/+$/, ""));
    const posts = profile.endpoints.filter((e) => e !== "models");
    expect([...posts].sort()).toEqual([...contract.endpoints].sort());
    if (contract.models) for (const model of profile.models) expect(contract.models).toContain(model);
  });
});
