import { encodeShare, leftOutImagesNote, redactPayload, type SharePayload, shareLinkWarning, shareUrl, withoutLargeImages } from "../share";
import { exportSessionFile, sessionFileName } from "../import";

/**
 * The zod-backed work behind ShareButton and ExportButton. Components import this module
 * dynamically, on click, so zod and the codec stay out of the page's first load.
 */
export interface ShareLink {
  url: string;
  /** The long-link warning, or null. */
  warning: string | null;
  /** A sentence naming what was left out because it looked like a key, or null. */
  redacted: string | null;
  /** A sentence naming the images too large for a link, or null. */
  images: string | null;
}

/** The share link for `payload` on `pageUrl` (origin + pathname). Rejects if the payload is not valid. */
export async function buildShareLink(payload: SharePayload, pageUrl: string): Promise<ShareLink> {
  const fragment = await encodeShare(payload);
  const url = shareUrl(pageUrl, fragment);
  return {
    url,
    warning: shareLinkWarning(url),
    redacted: redactedNote(payload, "link"),
    images: leftOutImagesNote(withoutLargeImages(payload).leftOut),
  };
}

export interface ExportFile {
  name: string;
  text: string;
  redacted: string | null;
}

/** The session file's name and text. Throws if the payload is not valid. */
export function buildExportFile(payload: SharePayload, now: Date = new Date()): ExportFile {
  return { name: sessionFileName(payload, now), text: exportSessionFile(payload, now), redacted: redactedNote(payload, "file") };
}

function redactedNote(payload: SharePayload, what: "link" | "file"): string | null {
  const { removed } = redactPayload(payload);
  if (removed.length === 0) return null;
  if (removed.includes("the extra body"))
    return `The extra body was left out of the ${what}: it is not valid JSON and looks like it holds a key.`;
  const fields = removed.length === 1 ? `field ${removed[0]}` : `fields ${removed.join(", ")}`;
  return `The extra body's ${fields} ${removed.length === 1 ? "was" : "were"} left out of the ${what}: ${removed.length === 1 ? "it looks" : "they look"} like a key.`;
}

/** A message for a payload that could not be encoded (a zod error, or anything else). */
export function describeFailure(e: unknown, action: "shared" | "exported" = "shared"): string {
  if (e && typeof e === "object" && "issues" in e && Array.isArray((e as { issues: unknown }).issues)) {
    const first = (e as { issues: { path?: unknown[]; message?: string }[] }).issues[0];
    const where = first?.path && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
    return `This session can't be ${action}: ${where}${first?.message ?? "it is not valid"}.`;
  }
  return `This session can't be ${action}: ${e instanceof Error ? e.message : String(e)}.`;
}
