import { describe, expect, it } from "vitest";
import { offersEndpoint, PROFILES } from "../providers";
import { modelListNote } from "./model-list";
import { FetchError } from "./queries";

const idle = { canAsk: true, isFetching: false, error: null, data: undefined };

describe("the model list when /models is not there (issue 14 item 6)", () => {
  it("no seed page documents /models: the profiles say so, and the proxy still tries it", () => {
    for (const id of ["neyra", "horay", "avangenio", "netmind", "telnyx"] as const) {
      expect(PROFILES[id].endpoints, id).not.toContain("models");
      expect(offersEndpoint(PROFILES[id], "models"), id).toBe(true);
    }
    expect(PROFILES.openai.endpoints).toContain("models");
  });

  it("a 404 falls back visibly to the models the page names", () => {
    const note = modelListNote(PROFILES.horay, { ...idle, error: new FetchError(404, "404: No route") });
    expect(note?.tone).toBe("notice");
    expect(note?.text).toBe(
      "Horay has no model list: GET /models answered 404 (its page does not document it); showing the 20 models its page names.",
    );
    expect(modelListNote(PROFILES.neyra, { ...idle, error: new FetchError(404, "x") })?.text).toContain(
      "showing the 1 model its page names",
    );
    expect(modelListNote(PROFILES.custom, { ...idle, error: new FetchError(404, "x") })?.text).toContain("type a model id");
  });

  it("other failures stay errors with their own words", () => {
    const note = modelListNote(PROFILES.horay, { ...idle, error: new FetchError(401, "401: Invalid API key.") });
    expect(note).toEqual({ text: "Models: 401: Invalid API key.", tone: "error" });
    expect(modelListNote(PROFILES.horay, { ...idle, data: ["a", "b"] })?.text).toBe("2 live models");
    expect(modelListNote(PROFILES.horay, { ...idle, canAsk: false })?.text).toBe("live list needs a key");
  });
});
