import type { SharePayload } from "./schema";

/** The fragment a share link starts with (see lib/share/codec: `#s=v1.…`). */
export const SHARE_HASH_PREFIX = "#s=";

/** Whether a location hash holds a shared session worth decoding. */
export function hasShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_HASH_PREFIX);
}

/** The URL to put back with history.replaceState: the same page, query kept, fragment gone. */
export function urlWithoutHash(href: string): string {
  const i = href.indexOf("#");
  return i === -1 ? href : href.slice(0, i);
}

export type ShareLinkState =
  | { status: "none" }
  | { status: "error"; message: string }
  | { status: "ask"; payload: SharePayload; lines: string[] };

/** Decodes with the codec loaded on demand (zod stays out of the first load); never rejects. */
export async function readShareLink(hash: string): Promise<ShareLinkState> {
  try {
    const { decodeShare, describePayload } = await import("./index");
    const result = await decodeShare(hash);
    if (!result.ok) return { status: "error", message: result.error };
    return { status: "ask", payload: result.value, lines: describePayload(result.value) };
  } catch (e) {
    return {
      status: "error",
      message: `the page could not read it (${e instanceof Error ? e.message : String(e)}). Reload and try again.`,
    };
  }
}
