import { PROFILES, PROVIDER_IDS, type ProviderId } from "../providers";
import type { Session } from "../session/schema";

/** Where this app serves the local provider (lib/snippets' LOCAL_API_PATH says the same). */
const LOCAL_PATH = "/api/local/v1";

export interface Target {
  providerId: ProviderId;
  /** The session's baseUrl: "" for a provider's default, else the alternative or custom URL. */
  baseUrl: string;
  mode: Session["mode"];
}

export type MatchResult = { ok: true; target: Target; notices: string[] } | { ok: false; error: string };

/**
 * The provider a request URL belongs to: its base URL (the URL without /chat/completions or
 * /completions) compared with every profile's default and alternative base URLs; an unknown one
 * becomes a custom provider with that base URL. `origin` is this app's, to recognise the local
 * provider.
 */
export function matchUrl(raw: string, origin?: string): MatchResult {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return { ok: false, error: `“${clip(raw)}” is not a URL.` };
  }
  const m = /^(.*?)\/(chat\/completions|completions)\/?$/.exec(url.pathname);
  // Messages name the URL without user:password@ or a query, where some gateways put keys.
  const shown = clip(`${url.origin}${url.pathname}`);
  if (!m)
    return {
      ok: false,
      error: `The URL ${shown} does not end in /chat/completions or /completions, so it is not a request the playground makes.`,
    };
  const mode = m[2] === "completions" ? "completions" : "chat";
  const base = `${url.origin}${m[1]}`;
  const notices: string[] = [];
  if (url.search) notices.push("The URL's query string was left out; sessions don't carry one.");
  if (url.username || url.password) notices.push("The credentials in the URL were dropped; they are never stored.");
  if (m[1] === LOCAL_PATH && (url.origin === origin || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))) {
    return { ok: true, target: { providerId: "local", baseUrl: "", mode }, notices };
  }
  for (const id of PROVIDER_IDS) {
    const p = PROFILES[id];
    if (p.baseUrl && same(p.baseUrl, base)) return { ok: true, target: { providerId: id, baseUrl: "", mode }, notices };
    const alt = p.altBaseUrls.find((a) => same(a.url, base));
    if (alt) {
      notices.push(`${p.name}'s other documented base URL ${alt.url} was chosen (${alt.note}); Send, snippets and share links use it.`);
      return { ok: true, target: { providerId: id, baseUrl: alt.url, mode }, notices };
    }
  }
  return { ok: true, target: { providerId: "custom", baseUrl: base, mode }, notices };
}

/** Same base URL, ignoring a trailing slash and the case of scheme and host (URL lowercases them). */
function same(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      const x = new URL(u);
      return `${x.origin}${x.pathname.replace(/\/+$/, "")}`;
    } catch {
      return u;
    }
  };
  return norm(a) === norm(b);
}

export function clip(text: string, max = 60): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
