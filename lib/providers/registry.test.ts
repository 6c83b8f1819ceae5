import { describe, expect, it } from "vitest";
import { getProfile, offersEndpoint, PROFILES, PROVIDER_IDS, SERVER_ENV_PROVIDERS } from "./index";

/** Facts copied from e2e/fixtures/provider-docs/providers.md (the seed pages), not from the profiles under test. */
const DOCUMENTED = {
  neyra: { baseUrl: "https://api.neyratech.com/api/v1", alt: "https://api.neyratech.com/v1", completions: false },
  horay: { baseUrl: "https://api.horay.ai/v1", alt: null, completions: false },
  avangenio: { baseUrl: "https://apigateway.avangenio.net", alt: "https://apigateway.avangenio.net/v1", completions: false },
  netmind: { baseUrl: "https://inference-api.netmind.ai/inference-api/openai/v1", alt: null, completions: true },
  telnyx: { baseUrl: "https://api.telnyx.com/v2/ai", alt: null, completions: false },
} as const;

describe("provider registry", () => {
  it("has every seed provider plus openai, custom and local", () => {
    expect([...PROVIDER_IDS].sort()).toEqual(["avangenio", "custom", "horay", "local", "netmind", "neyra", "openai", "telnyx"]);
    for (const id of PROVIDER_IDS) expect(getProfile(id)?.id).toBe(id);
    expect(getProfile("nope")).toBeUndefined();
    expect(getProfile("__proto__")).toBeUndefined();
  });

  it.each(Object.entries(DOCUMENTED))("%s: documented base URLs and endpoints", (id, doc) => {
    const profile = getProfile(id)!;
    expect(profile.baseUrl).toBe(doc.baseUrl);
    if (doc.alt) expect(profile.altBaseUrls.map((a) => a.url)).toContain(doc.alt);
    expect(offersEndpoint(profile, "chat/completions")).toBe(true);
    expect(offersEndpoint(profile, "completions")).toBe(doc.completions);
    expect(offersEndpoint(profile, "embeddings")).toBe(false);
    expect(profile.auth).toBe("bearer");
  });

  it("names the env vars <ID>_API_KEY and <ID>_BASE_URL for the seeds and OpenAI", () => {
    const ids = ["NEYRA", "HORAY", "AVANGENIO", "NETMIND", "TELNYX", "OPENAI"];
    expect(SERVER_ENV_PROVIDERS.map((id) => PROFILES[id].keyEnv)).toEqual(ids.map((i) => `${i}_API_KEY`));
    expect(SERVER_ENV_PROVIDERS.map((id) => PROFILES[id].baseUrlEnv)).toEqual(ids.map((i) => `${i}_BASE_URL`));
    expect(PROFILES.custom.keyEnv).toBeNull();
    expect(PROFILES.local.keyEnv).toBeNull();
  });

  it("offers tools and tool_choice on the local provider, which lib/local honours", () => {
    expect(PROFILES.local.params.tools).toEqual({});
    expect(PROFILES.local.params.tool_choice).toEqual({});
  });

  it("holds the documented limits", () => {
    expect(PROFILES.horay.params.max_tokens).toMatchObject({ min: 1, max: 4096, default: 512 });
    expect(PROFILES.horay.params.top_k?.default).toBe(50);
    expect(PROFILES.horay.params.frequency_penalty?.default).toBe(0.5);
    expect(PROFILES.netmind.params.stop?.maxItems).toBe(4);
    expect(PROFILES.neyra.params.stop?.maxItems).toBe(10);
    expect(PROFILES.telnyx.params.top_logprobs).toMatchObject({ min: 0, max: 20 });
    expect(PROFILES.telnyx.params.min_p).toMatchObject({ min: 0, max: 1 });
    expect(PROFILES.telnyx.roles).toContain("tool");
    expect(PROFILES.avangenio.params.temperature).toMatchObject({ min: 0, max: 2, default: 1 });
  });

  it("lists the documented models and defaults", () => {
    expect(PROFILES.neyra.models).toEqual(["neyra/1D"]);
    expect(PROFILES.horay.models).toHaveLength(20);
    expect(PROFILES.horay.defaultModel).toBe("meta-llama/Meta-Llama-3.1-8B-Instruct");
    expect([...PROFILES.avangenio.models].sort()).toEqual(["radiance", "spark", "supernova"]);
    expect(PROFILES.telnyx.defaultModel).toBe("NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO");
  });
});
