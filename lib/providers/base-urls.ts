import type { ProviderProfile } from "./profiles";

/**
 * The base URLs a seed provider's page names (default first, then the alternatives it also
 * gives), which the provider bar offers, the session carries ("" = the default) and the proxy
 * accepts. One list, so a choice the UI offers is always one the proxy forwards.
 */
export function documentedBaseUrls(profile: ProviderProfile): string[] {
  return profile.baseUrl ? [profile.baseUrl, ...profile.altBaseUrls.map((a) => a.url)] : [];
}

/** Origin and path without trailing slashes, scheme and host lowercased (as URL does); null if not a URL. */
export function normalBaseUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/** The registry's documented base URL equal to `raw` (trailing slash and case of the host aside). */
export function findDocumentedBaseUrl(profile: ProviderProfile, raw: string): string | null {
  const want = normalBaseUrl(raw);
  if (want === null) return null;
  return documentedBaseUrls(profile).find((u) => normalBaseUrl(u) === want) ?? null;
}

export interface BaseUrlChoice {
  /** What the session holds: "" for the default. */
  value: string;
  url: string;
  note: string;
}

/**
 * The base URLs the provider bar offers a seed provider: the server's (the operator's override
 * or the page's default) as "", then the other URLs the page documents, then, when a loaded
 * session holds a URL that is none of them, that URL marked as refused, so it is never hidden.
 */
export function baseUrlChoices(profile: ProviderProfile, serverBaseUrl: string | undefined, current: string): BaseUrlChoice[] {
  if (profile.id === "custom" || profile.id === "local") return [];
  const server = serverBaseUrl || profile.baseUrl;
  const overridden = normalBaseUrl(server) !== normalBaseUrl(profile.baseUrl);
  const choices: BaseUrlChoice[] = [
    { value: "", url: server, note: overridden ? `set by the server (${profile.baseUrlEnv})` : "the page's default" },
  ];
  const seen = new Set([normalBaseUrl(server)]);
  const documented = [...(overridden ? [{ url: profile.baseUrl, note: "the page's default" }] : []), ...profile.altBaseUrls];
  for (const alt of documented) {
    if (seen.has(normalBaseUrl(alt.url))) continue;
    seen.add(normalBaseUrl(alt.url));
    choices.push({ value: alt.url, url: alt.url, note: alt.note });
  }
  if (current.trim() !== "" && !choices.some((c) => normalBaseUrl(c.value) === normalBaseUrl(current) || c.value === current)) {
    choices.push({ value: current, url: current, note: `not documented by ${profile.name}: the proxy refuses it` });
  }
  return choices;
}
