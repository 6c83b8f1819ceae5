import { describe, expect, it } from "vitest";
import { decodeShare, type SharePayload } from "../share";
import { importText } from "../import";
import { emptySession } from "../session/schema";
import { buildExportFile, buildShareLink, describeFailure } from "./share-link";

const PAGE = "https://play.example/";
const payload = (extraBody = ""): SharePayload => ({
  kind: "session",
  session: { ...emptySession("horay", "m"), messages: [{ id: "m1", role: "user", content: "hello" }], extraBody },
});

describe("buildShareLink", () => {
  it("round-trips through decodeShare", async () => {
    const link = await buildShareLink(payload(), PAGE);
    expect(link.url.startsWith(`${PAGE}#s=v1.`)).toBe(true);
    expect(link.warning).toBeNull();
    expect(link.redacted).toBeNull();
    const back = await decodeShare(link.url);
    expect(back).toEqual({ ok: true, value: payload() });
  });

  it("names the key fields it left out, never their values", async () => {
    const link = await buildShareLink(payload(JSON.stringify({ openai_api_key: "sk-abc", top_k: 2 })), PAGE);
    expect(link.redacted).toBe("The extra body's field openai_api_key was left out of the link: it looks like a key.");
    expect(link.url).not.toContain("sk-abc");
    const back = await decodeShare(link.url);
    expect(back.ok && back.value.session.extraBody).not.toContain("sk-abc");
  });

  it("says when a key-like extra body that is not JSON was dropped whole", async () => {
    const link = await buildShareLink(payload("api_key=sk-abc"), PAGE);
    expect(link.redacted).toBe("The extra body was left out of the link: it is not valid JSON and looks like it holds a key.");
  });

  it("warns about long links", async () => {
    const long: SharePayload = {
      ...payload(),
      session: {
        ...payload().session,
        messages: Array.from({ length: 60 }, (_, i) => ({ id: `m${i}`, role: "user" as const, content: crypto.randomUUID().repeat(3) })),
      },
    };
    const link = await buildShareLink(long, PAGE);
    expect(link.warning).toMatch(/^This link is [\d,]+ characters long/);
  });

  it("rejects an invalid payload with a readable message", async () => {
    const bad = { kind: "session", session: { ...emptySession(), version: 3 } } as unknown as SharePayload;
    const error = await buildShareLink(bad, PAGE).catch((e: unknown) => e);
    expect(describeFailure(error)).toMatch(/^This session can't be shared: session\.version: .+\.$/);
    expect(describeFailure(new Error("boom"), "exported")).toBe("This session can't be exported: boom.");
  });
});

describe("buildExportFile", () => {
  it("writes a file importText reads back", () => {
    const file = buildExportFile(payload(), new Date("2025-01-31T12:00:00Z"));
    expect(file.name).toBe("playground-horay-2025-01-31.json");
    const back = importText(file.text);
    expect(back.ok && back.payload).toEqual(payload());
    expect(file.redacted).toBeNull();
  });

  it("mentions redacted fields", () => {
    const file = buildExportFile(payload(JSON.stringify({ api_key: "k" })));
    expect(file.redacted).toContain("left out of the file");
    expect(file.text).not.toContain('"k"');
  });
});
