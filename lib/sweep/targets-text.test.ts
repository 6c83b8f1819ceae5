import { describe, expect, it } from "vitest";
import { formatTargets, parseTargets } from "./targets-text";

describe("provider/model axis text", () => {
  it("reads provider:model lines with an optional base URL, and writes them back", () => {
    const text = "local:local-ngram\n\ncustom:llama3 @ http://127.0.0.1:11434/v1\nhoray:meta-llama/Meta-Llama-3.1-8B-Instruct";
    const r = parseTargets(text);
    expect(r).toEqual({
      ok: true,
      targets: [
        { providerId: "local", model: "local-ngram", baseUrl: "" },
        { providerId: "custom", model: "llama3", baseUrl: "http://127.0.0.1:11434/v1" },
        { providerId: "horay", model: "meta-llama/Meta-Llama-3.1-8B-Instruct", baseUrl: "" },
      ],
    });
    if (r.ok) expect(parseTargets(formatTargets(r.targets))).toEqual(r);
  });

  it("names the line that is not a provider, and refuses an empty axis", () => {
    expect(parseTargets("local:x\nnope:y")).toEqual({ ok: false, error: expect.stringContaining("Line 2") });
    expect(parseTargets("  \n")).toEqual({ ok: false, error: expect.stringContaining("no targets") });
  });
});
