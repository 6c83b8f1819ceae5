import { describe, expect, it } from "vitest";
import { hasShareFragment, readShareLink, urlWithoutHash } from "./hash";

describe("share hash helpers", () => {
  it("recognises only #s= fragments", () => {
    expect(hasShareFragment("#s=v1.abc")).toBe(true);
    expect(hasShareFragment("#s=")).toBe(true);
    expect(hasShareFragment("")).toBe(false);
    expect(hasShareFragment("#section")).toBe(false);
    expect(hasShareFragment("#x=1&s=v1.abc")).toBe(false);
  });

  it("drops the fragment and keeps the query", () => {
    expect(urlWithoutHash("https://a.example/play?x=1#s=v1.abc")).toBe("https://a.example/play?x=1");
    expect(urlWithoutHash("/play#s=v1")).toBe("/play");
    expect(urlWithoutHash("/play")).toBe("/play");
  });
});

describe("readShareLink", () => {
  it("describes a good link and reports a bad one without throwing", async () => {
    const { encodeShare } = await import("./index");
    const { emptySession } = await import("../session/schema");
    const payload = {
      kind: "session" as const,
      session: { ...emptySession("horay", "m"), messages: [{ id: "a", role: "user" as const, content: "hi" }] },
    };
    const good = await readShareLink(await encodeShare(payload));
    expect(good.status).toBe("ask");
    if (good.status === "ask") {
      expect(good.payload).toEqual(payload);
      expect(good.lines.join("\n")).toContain("1 message");
    }
    expect(await readShareLink("#s=v1.!!!")).toEqual({ status: "error", message: expect.stringMatching(/^This link is damaged/) });
    expect(await readShareLink("#s=v9.abc")).toEqual({ status: "error", message: expect.stringContaining("format v9") });
    expect(await readShareLink("#s=")).toMatchObject({ status: "error" });
  });
});
