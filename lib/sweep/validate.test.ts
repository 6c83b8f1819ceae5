import { describe, expect, it } from "vitest";
import { emptySession } from "../session/schema";
import type { SweepAxis, SweepDefinition } from "./schema";
import { validateSweep } from "./validate";

const session = { ...emptySession("openai", "gpt-4o-mini"), messages: [{ id: "m1", role: "user" as const, content: "Hi" }] };
const def = (axes: SweepAxis[], s = session): SweepDefinition => ({ version: 1, session: s, axes });
const allKeys = { hasKey: () => true };
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe("validateSweep errors", () => {
  it("accepts a sound grid and counts it", () => {
    const check = validateSweep(
      def([
        { kind: "param", param: "temperature", values: [0, 0.5, 1, 1.5] },
        { kind: "param", param: "seed", values: range(5) },
      ]),
      allKeys,
    );
    expect(check).toEqual({ errors: [], warnings: [], count: 20 });
  });

  it("refuses more than 500 cells with the count", () => {
    const check = validateSweep(
      def([
        { kind: "param", param: "seed", values: range(20) },
        { kind: "param", param: "top_k", values: range(32) },
      ]),
      allKeys,
    );
    expect(check.errors).toEqual(["This grid has 640 cells; the limit is 500."]);
    expect(check.count).toBe(640);
  });

  it("names an empty axis and a repeated parameter", () => {
    const check = validateSweep(
      def([
        { kind: "param", param: "temperature", values: [] },
        { kind: "param", param: "temperature", values: [1] },
        { kind: "target", targets: [] },
      ]),
      allKeys,
    );
    expect(check.errors).toEqual([
      "Axis 'temperature' has no values.",
      "Two axes vary 'temperature'; merge their values into one axis.",
      "The provider/model axis has no targets.",
    ]);
    expect(check.count).toBe(0);
  });

  it("names each provider without a key, with the cells it would have sent", () => {
    const targets = [
      { providerId: "openai" as const, model: "gpt-4o-mini", baseUrl: "" },
      { providerId: "openai" as const, model: "gpt-4o", baseUrl: "" },
      { providerId: "local" as const, model: "local-ngram", baseUrl: "" },
      { providerId: "neyra" as const, model: "neyra/1D", baseUrl: "" },
    ];
    const asked: string[] = [];
    const check = validateSweep(
      def([
        { kind: "target", targets },
        { kind: "param", param: "temperature", values: [0, 1] },
      ]),
      {
        hasKey: (id) => {
          asked.push(id);
          return id === "neyra";
        },
      },
    );
    expect(check.errors).toEqual(["No API key for OpenAI (4 cells): add one in the key settings or set OPENAI_API_KEY on the server."]);
    expect(asked).not.toContain("local");
  });

  it("checks targets: model, custom base URL, endpoint for the session's mode", () => {
    const targets = [
      { providerId: "custom" as const, model: "llama3", baseUrl: "" },
      { providerId: "openai" as const, model: " ", baseUrl: "" },
      { providerId: "neyra" as const, model: "neyra/1D", baseUrl: "" },
    ];
    const check = validateSweep(def([{ kind: "target", targets }], { ...session, mode: "completions" }), allKeys);
    expect(check.errors).toEqual([
      "Target 1 (Custom (OpenAI-compatible)) needs a base URL.",
      "Target 2 (OpenAI) has no model.",
      "Target 3 (Neyra) does not offer the completions endpoint this session uses.",
    ]);
  });

  it("reports a broken extra body before sending", () => {
    const check = validateSweep(def([{ kind: "param", param: "seed", values: [1] }], { ...session, extraBody: "[1]" }), allKeys);
    expect(check.errors).toEqual(["Extra body must be a JSON object."]);
  });
});

describe("validateSweep warnings", () => {
  it("warns on values outside the provider's documented range, then the general one", () => {
    const check = validateSweep(
      def([
        { kind: "param", param: "temperature", values: [0, 2.5] },
        { kind: "param", param: "top_p", values: [0, 1] },
      ]),
      allKeys,
    );
    expect(check.errors).toEqual([]);
    // OpenAI documents top_p in [0, 1], so 0 is its own bound, not the general (0, 1].
    expect(check.warnings).toEqual(["Axis 'temperature': 2.5 is above 2, the most OpenAI documents for temperature."]);
    // Horay's page gives top_p only a default: the general range applies.
    const horay = { ...session, providerId: "horay" as const, model: "gpt-4o-mini" };
    const general = validateSweep(def([{ kind: "param", param: "top_p", values: [0, 1] }], horay), allKeys);
    expect(general.warnings).toEqual(["Axis 'top_p': 0 is not above the usual minimum 0 for top_p."]);
  });

  it("checks every target's provider, and the session's own parameters against each", () => {
    const targets = [
      { providerId: "openai" as const, model: "gpt-4o-mini", baseUrl: "" },
      { providerId: "horay" as const, model: "gpt-4o-mini", baseUrl: "" },
    ];
    const s = { ...session, params: { max_tokens: { enabled: true, value: 8000 }, seed: { enabled: false, value: 1 } } };
    const check = validateSweep(
      def(
        [
          { kind: "target", targets },
          { kind: "param", param: "n", values: [1, 200] },
        ],
        s,
      ),
      allKeys,
    );
    expect(check.warnings).toEqual([
      "Axis 'n': 200 is above 128, the most OpenAI documents for n.",
      "Axis 'n': 200 is above the usual maximum 128 for n.",
      "Horay: 8000 is above 4096, the most Horay documents for max_tokens.",
    ]);
  });

  it("warns on parameters a provider does not document, and on repeated values", () => {
    const check = validateSweep(def([{ kind: "param", param: "top_k", values: [1, 1] }]), allKeys);
    expect(check.warnings).toEqual([
      "Axis 'top_k' repeats 1; those cells send the same request.",
      "Axis 'top_k': OpenAI does not document top_k; it may be ignored or refused.",
    ]);
  });
});
