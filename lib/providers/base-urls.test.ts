import { describe, expect, it } from "vitest";
import { baseUrlChoices, documentedBaseUrls, findDocumentedBaseUrl } from "./base-urls";
import { PROFILES } from "./index";

// Both readings of each self-contradicting page (e2e/fixtures/provider-docs/000 and 002; its providers.md's base URL row).
const NEYRA = ["https://api.neyratech.com/api/v1", "https://api.neyratech.com/v1"];
const AVANGENIO = ["https://apigateway.avangenio.net", "https://apigateway.avangenio.net/v1"];

describe("documented base URLs", () => {
  it("lists the default first, then the page's other reading", () => {
    expect(documentedBaseUrls(PROFILES.neyra)).toEqual(NEYRA);
    expect(documentedBaseUrls(PROFILES.avangenio)).toEqual(AVANGENIO);
    expect(documentedBaseUrls(PROFILES.custom)).toEqual([]);
  });

  it("matches ignoring a trailing slash and the host's case, nothing looser", () => {
    expect(findDocumentedBaseUrl(PROFILES.neyra, "https://API.neyratech.com/v1/")).toBe(NEYRA[1]);
    expect(findDocumentedBaseUrl(PROFILES.neyra, "https://api.neyratech.com/v1/x")).toBeNull();
    expect(findDocumentedBaseUrl(PROFILES.neyra, "http://api.neyratech.com/v1")).toBeNull();
    expect(findDocumentedBaseUrl(PROFILES.neyra, "https://u:p@api.neyratech.com/v1")).toBeNull();
    expect(findDocumentedBaseUrl(PROFILES.neyra, "https://evil.example/v1")).toBeNull();
  });

  it("offers the server's URL as the default and every other documented one", () => {
    const plain = baseUrlChoices(PROFILES.avangenio, "https://apigateway.avangenio.net", "");
    expect(plain.map((c) => [c.value, c.url])).toEqual([
      ["", AVANGENIO[0]],
      [AVANGENIO[1], AVANGENIO[1]],
    ]);
    // An operator's AVANGENIO_BASE_URL becomes the default; both page readings stay choosable.
    const overridden = baseUrlChoices(PROFILES.avangenio, "http://gw.internal/av", "");
    expect(overridden.map((c) => c.value)).toEqual(["", ...AVANGENIO]);
    expect(overridden[0]?.note).toContain("AVANGENIO_BASE_URL");
  });

  it("keeps an undocumented URL from a loaded session visible, marked as refused", () => {
    const choices = baseUrlChoices(PROFILES.neyra, NEYRA[0], "https://other.example/v1");
    expect(choices.at(-1)).toMatchObject({ value: "https://other.example/v1" });
    expect(choices.at(-1)?.note).toContain("refuses");
    expect(baseUrlChoices(PROFILES.horay, undefined, "")).toHaveLength(1);
    expect(baseUrlChoices(PROFILES.custom, undefined, "http://x")).toEqual([]);
  });
});
