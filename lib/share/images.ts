import type { Message } from "../session/schema";
import type { SharePayload } from "./schema";

/**
 * Images travel in a link only while they are small: a data: URL barely compresses, and browsers
 * and chat tools refuse URLs of a few megabytes. A larger image is left out of the link (the
 * recipient's message keeps its text) and the sharer is told which; exported files keep them all.
 */
export const SHARE_IMAGE_MAX_CHARS = 100_000;

export interface LeftOutImage {
  /** 1-based position of the message in the conversation. */
  message: number;
  chars: number;
}

export function withoutLargeImages(payload: SharePayload): { payload: SharePayload; leftOut: LeftOutImage[] } {
  const leftOut: LeftOutImage[] = [];
  const messages = payload.session.messages.map((m, i) => {
    if (!Array.isArray(m.content)) return m;
    const kept = m.content.filter((p) => {
      if (p.type !== "image_url" || p.image_url.url.length <= SHARE_IMAGE_MAX_CHARS) return true;
      leftOut.push({ message: i + 1, chars: p.image_url.url.length });
      return false;
    });
    return kept.length === m.content.length ? m : ({ ...m, content: kept.length > 0 ? kept : "" } satisfies Message);
  });
  if (leftOut.length === 0) return { payload, leftOut };
  return { payload: { ...payload, session: { ...payload.session, messages } }, leftOut };
}

/** One sentence for the Share dialog, or null when every image fits. */
export function leftOutImagesNote(leftOut: LeftOutImage[]): string | null {
  if (leftOut.length === 0) return null;
  const which = leftOut.map((l) => `#${l.message} (${(l.chars / 1_000_000).toFixed(1)} MB)`).join(", ");
  const one = leftOut.length === 1;
  return `${one ? "An image" : `${leftOut.length} images`} in message${one ? "" : "s"} ${which} ${one ? "is" : "are"} too large for a link and ${one ? "was" : "were"} left out of it; export the session as a file to share ${one ? "it" : "them"}.`;
}
