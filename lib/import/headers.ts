import type { CurlRequest } from "./curl";

export const KEY_DROPPED = "The key in the Authorization header was dropped; it is never stored.";
export const PLACEHOLDER_DROPPED =
  "The Authorization header held a placeholder, not a key; it was dropped. Set your key in the playground.";

/** Headers that carry a key, by the names OpenAI-compatible servers use. */
const KEY_HEADERS = new Set(["authorization", "api-key", "x-api-key", "proxy-authorization"]);
/** Headers every JSON request has; the playground sets them itself. */
const PLAIN_HEADERS = new Set(["content-type", "accept", "user-agent", "accept-encoding", "connection", "cache-control"]);

/**
 * Notices for what the headers held. Key values are never copied anywhere, not even into a notice;
 * a placeholder (`<token>`, `YOUR_API_KEY`, `$NEYRA_API_KEY`, `${API_KEY}`) gets a gentler one.
 */
export function headerNotices(req: CurlRequest): string[] {
  const notices = new Set<string>();
  for (const h of req.headers) {
    const name = h.name.toLowerCase();
    if (KEY_HEADERS.has(name)) notices.add(isPlaceholder(h.value) ? PLACEHOLDER_DROPPED : KEY_DROPPED);
    else if (!PLAIN_HEADERS.has(name)) notices.add(`The header ${h.name} was not imported; sessions don't carry custom headers.`);
  }
  if (req.credentials) notices.add("The credentials given to curl (-u or --oauth2-bearer) were dropped; they are never stored.");
  return [...notices];
}

/** The token after an optional "Bearer ", judged a stand-in rather than a real key. */
export function isPlaceholder(value: string): boolean {
  const token = value.replace(/^\s*(bearer|basic|token)\s+/i, "").trim();
  return (
    token === "" ||
    /^<.*>$/.test(token) ||
    /\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/.test(token) ||
    /^(your|my)[ _-]/i.test(token) ||
    /^[A-Z][A-Z0-9_]*(API_KEY|TOKEN|KEY)$/.test(token) ||
    /^(token|api[_ -]?key|key|sk-\.\.\.|\.\.\.)$/i.test(token)
  );
}
