import { ApiError } from "../errors";
import { getProfile, offersEndpoint, PROVIDER_IDS, type Endpoint, type ProviderProfile } from "../providers";

export interface ProxyRoute {
  profile: ProviderProfile;
  path: Endpoint;
}

/** The only shape a proxied URL may have; the character class leaves no room for `%`, `.` or `\`. */
const RAW_PATH = /^\/api\/proxy\/([a-z0-9-]{1,40})\/(chat\/completions|completions|models)$/;
const METHOD: Readonly<Record<Endpoint, "GET" | "POST">> = {
  "chat/completions": "POST",
  completions: "POST",
  models: "GET",
};

/**
 * The pathname of `request.url` without parsing it again. Next builds `request.url` with WHATWG
 * URL, so dot segments (`..`, `%2e`) and raw backslashes are already resolved here and can only
 * land on an allowed route; what survives, and is refused, is every percent-encoding (`%2F`,
 * `%5C`, `%00`), which Next would otherwise decode into the route params.
 */
export function rawPathname(url: string): string {
  const afterOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "");
  return afterOrigin.split(/[?#]/, 1)[0] ?? "";
}

const notFound = (message: string) => new ApiError(404, "not_found_error", message, { code: "proxy_route_not_found" });

/**
 * Checks the route both as Next decoded it (`provider`, `segments`) and as it stands in the URL,
 * and refuses when either is off the allow-list or they disagree: an encoded slash must never
 * turn into a different upstream path. The upstream path is the allow-listed constant, never
 * text from the request.
 */
export function resolveProxyRoute(provider: string, segments: readonly string[], url: string, method: string): ProxyRoute {
  const raw = rawPathname(url);
  const match = RAW_PATH.exec(raw);
  const joined = segments.join("/");
  if (!match || match[1] !== provider || match[2] !== joined) {
    throw notFound(
      `No proxy route ${JSON.stringify(raw.slice(0, 200))}. Use /api/proxy/{provider}/{path} with path chat/completions, completions or models.`,
    );
  }
  const profile = getProfile(provider);
  if (!profile) throw notFound(`Unknown provider "${provider}". Known providers: ${PROVIDER_IDS.join(", ")}.`);
  if (!offersEndpoint(profile, joined)) {
    throw notFound(`${profile.name} does not offer ${joined}; it offers ${profile.endpoints.join(", ")}.`);
  }
  if (METHOD[joined] !== method) {
    throw new ApiError(405, "invalid_request_error", `Use ${METHOD[joined]} for ${joined}, not ${method}.`, {
      code: "method_not_allowed",
    });
  }
  return { profile, path: joined };
}

/** Where the proxy's routes start; the custom server sends every path under it here. */
export const PROXY_PREFIX = "/api/proxy/";

/** True when the path does not percent-decode (`%zz`, a lone `%`, invalid UTF-8 like `%80`). */
export function undecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export const invalidPathEncoding = () =>
  new ApiError(400, "invalid_request_error", "The request path is not valid percent-encoding.", { code: "invalid_path_encoding" });

/**
 * The provider and the path segments of a (WHATWG-normalised, decodable) proxy pathname, decoded
 * the way Next decodes a catch-all route's params, for resolveProxyRoute to check against the raw URL.
 */
export function proxySegments(pathname: string): { provider: string; segments: string[] } {
  const [provider = "", ...segments] = pathname.slice(PROXY_PREFIX.length).split("/").map(decodeURIComponent);
  return { provider, segments };
}
