import { describe, expect, it } from "vitest";
import { exportSessionFile, importText } from "../import";
import { buildRequest } from "../request/build";
import { emptySession, type Session } from "../session/schema";
import { snippetSessions } from "../snippets/testing/sessions";
import { deflateRaw } from "./compress";
import { toBase64Url } from "./base64url";
import { decodeShare, encodeShare } from "./codec";
import { leftOutImagesNote, SHARE_IMAGE_MAX_CHARS, withoutLargeImages } from "./images";

/** A real tool round trip after a question with an image (see lib/snippets/testing/sessions.ts). */
const toolSession = (): Session => snippetSessions().toolsAndImages!;

describe("share links and session files carry the whole conversation", () => {
  it("a link round-trips content parts, tool calls, tool results and reasoning, and sends the same request", async () => {
    const session = toolSession();
    const back = await decodeShare(await encodeShare({ kind: "session", session }));
    expect(back.ok && back.value).toEqual({ kind: "session", session });
    expect(back.ok && buildRequest(back.value.session).text).toBe(buildRequest(session).text);
  });

  it("a session file round-trips them too", () => {
    const session = toolSession();
    const r = importText(exportSessionFile({ kind: "session", session }));
    expect(r.ok && r.payload).toEqual({ kind: "session", session });
  });

  it("a link made before messages had parts (session version 1) still opens", async () => {
    const v1 = {
      kind: "session",
      session: { ...emptySession("local", "m"), version: 1, messages: [{ id: "a", role: "user", content: "hi" }] },
    };
    const fragment = `#s=v1.${toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(v1))))}`;
    const back = await decodeShare(fragment);
    expect(back.ok && back.value.session.messages).toEqual(v1.session.messages);
  });
});

describe("large images and links", () => {
  const big = `data:image/png;base64,${"A".repeat(SHARE_IMAGE_MAX_CHARS)}`;
  const withBig = (): Session => {
    const s = toolSession();
    const first = s.messages[0]!;
    return {
      ...s,
      messages: [
        { ...first, content: [...(Array.isArray(first.content) ? first.content : []), { type: "image_url", image_url: { url: big } }] },
        ...s.messages.slice(1),
      ],
    };
  };

  it("leaves an image too large for a link out of it, keeps the small one and the text, and says which", async () => {
    const { leftOut } = withoutLargeImages({ kind: "session", session: withBig() });
    expect(leftOut).toEqual([{ message: 1, chars: big.length }]);
    expect(leftOutImagesNote(leftOut)).toBe(
      "An image in message #1 (0.1 MB) is too large for a link and was left out of it; export the session as a file to share it.",
    );
    const back = await decodeShare(await encodeShare({ kind: "session", session: withBig() }));
    expect(back.ok && back.value.session.messages[0]?.content).toEqual(toolSession().messages[0]?.content);
  });

  it("keeps every image in an exported file", () => {
    const r = importText(exportSessionFile({ kind: "session", session: withBig() }));
    expect(r.ok && r.payload.session.messages[0]?.content).toEqual(withBig().messages[0]?.content);
  });

  it("says nothing when every image fits", () => {
    expect(withoutLargeImages({ kind: "session", session: toolSession() }).leftOut).toEqual([]);
    expect(leftOutImagesNote([])).toBeNull();
  });
});

describe("what opening a link will load", () => {
  it("names the images and tool calls the messages carry", async () => {
    const { describePayload } = await import("./summary");
    expect(describePayload({ kind: "session", session: toolSession() })).toContain("4 messages (with 1 image and 2 tool calls)");
  });
});
