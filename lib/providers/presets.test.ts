import { describe, expect, it } from "vitest";
import { PROFILES } from "./index";
import { presetFor, SERVER_PRESETS, withExtraField } from "./presets";

describe("custom provider presets (issue 14 item 9)", () => {
  it("offers vLLM, llama.cpp server, Ollama, LM Studio and OpenRouter, each citing its documentation", () => {
    expect(SERVER_PRESETS.map((p) => p.name)).toEqual(["vLLM", "llama.cpp server", "Ollama", "LM Studio", "OpenRouter"]);
    expect(PROFILES.custom.presets).toBe(SERVER_PRESETS);
    for (const p of SERVER_PRESETS) {
      expect(new URL(p.docs).protocol, p.name).toBe("https:");
      expect(new URL(p.baseUrl).pathname, p.name).toMatch(/\/v1$/);
    }
  });

  it("names the documented extra parameters", () => {
    const names = (n: string) => SERVER_PRESETS.find((p) => p.name === n)?.extraParams.map((e) => e.name);
    expect(names("vLLM")).toEqual(["structured_outputs", "top_k", "min_p", "repetition_penalty"]);
    expect(names("llama.cpp server")).toEqual(["n_probs", "cache_prompt"]);
    expect(names("OpenRouter")).toEqual(["provider", "reasoning"]);
    expect(SERVER_PRESETS[0]?.note).toMatch(/guided_json.*structured_outputs/);
  });

  it("recognises a base URL as its preset's", () => {
    expect(presetFor("http://localhost:8000/v1/")?.name).toBe("vLLM");
    expect(presetFor("http://localhost:8080/v1")?.name).toBe("llama.cpp server");
    expect(presetFor("https://openrouter.ai/api/v1")?.name).toBe("OpenRouter");
    expect(presetFor("http://gpu-box:8000/v1")).toBeNull();
    expect(presetFor("not a url")).toBeNull();
  });

  it("adds a field to the extra body, keeping what is there", () => {
    expect(JSON.parse(withExtraField("", "top_k", 50)!)).toEqual({ top_k: 50 });
    expect(JSON.parse(withExtraField('{"a":1}', "n_probs", 5)!)).toEqual({ a: 1, n_probs: 5 });
    expect(withExtraField("[1]", "x", 1)).toBeNull();
    expect(withExtraField("{oops", "x", 1)).toBeNull();
  });
});
