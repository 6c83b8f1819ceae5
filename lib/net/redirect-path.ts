const PLACEHOLDER_ORIGIN = "http://this-app.invalid";

/**
 * Where to send a browser after sign-in: `value` as a path on this app's origin, or "/".
 *
 * Judged the way the browser will read the Location header, with WHATWG URL parsing: it drops
 * tabs and newlines and reads `\` as `/`, so `/\t/evil.example`, `/\evil.example` and
 * `//evil.example` all name another host. The value is resolved against a placeholder origin and
 * kept only if it stays there; what goes out is the parsed URL's own serialisation, so the header
 * never carries a control character (a raw newline made `new Headers` throw: a 500).
 */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` serialises to `//evil.example`: fine as a path, but protocol-relative
  // once it stands alone in a Location header.
  return path.startsWith("//") ? "/" : path;
}
