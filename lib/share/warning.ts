/** Slack, Teams and many mail clients cut or refuse links past about this many characters. */
export const SHARE_LINK_SOFT_LIMIT = 2_000;

/** A warning to show beside a long link, or null when the link is short enough. */
export function shareLinkWarning(url: string): string | null {
  if (url.length <= SHARE_LINK_SOFT_LIMIT) return null;
  const n = url.length.toLocaleString("en-US");
  return `This link is ${n} characters long; some chat tools cut links longer than 2,000. Export the session as a file instead if it arrives broken.`;
}
