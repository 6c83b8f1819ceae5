import type { LookupFunction } from "node:net";
import { ApiError, badRequest } from "../errors";
import { createGuardedLookup } from "../net/guarded-lookup";
import { parseCustomBaseUrl } from "../net/upstream-url";
import type { Endpoint, ProviderProfile } from "../providers";
import { documentedBaseUrls, findDocumentedBaseUrl, normalBaseUrl } from "../providers/base-urls";
import { type Env, serverBaseUrl, serverConfigFor } from "../providers/server-config";
import { browserAuthorization } from "./headers";
import type { ProxySettings } from "./settings";

export interface UpstreamTarget {
  url: URL;
  authorization: string | null;
  /** Set for user-supplied hosts only; operator-set base URLs are trusted as they are. */
  lookup?: LookupFunction;
}

export const UPSTREAM_BASE_HEADER = "x-upstream-base-url";

/** `{base URL}/{path}`: the base's own path is kept, its trailing slashes dropped. */
export function upstreamUrl(base: URL, path: Endpoint): URL {
  const url = new URL(base.href);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/${path}`;
  url.hash = "";
  return url;
}

function missingKey(profile: ProviderProfile): ApiError {
  return new ApiError(
    401,
    "authentication_error",
    `No API key for ${profile.name}: set ${profile.keyEnv} on the server, or send your own key in the Authorization header.`,
    { code: "missing_api_key" },
  );
}

/**
 * Where a request goes and with which key. A server-held key only ever goes to the operator's
 * base URL for that provider; `custom` gets the browser's Authorization or none at all (Ollama
 * needs none), and its host is vetted at connect time unless private upstreams are allowed.
 */
export function resolveTarget(
  profile: ProviderProfile,
  path: Endpoint,
  headers: Headers,
  settings: ProxySettings,
  env: Env = process.env,
): UpstreamTarget {
  const fromBrowser = browserAuthorization(headers);
  if (profile.id === "custom") {
    const base = parseCustomBaseUrl(headers.get(UPSTREAM_BASE_HEADER), settings.allowPrivateUpstreams);
    return {
      url: upstreamUrl(base, path),
      authorization: fromBrowser,
      lookup: settings.allowPrivateUpstreams ? undefined : createGuardedLookup(),
    };
  }
  const base = chosenBaseUrl(profile, headers.get(UPSTREAM_BASE_HEADER), env);
  const serverKey = serverConfigFor(profile, env).apiKey;
  const authorization = fromBrowser ?? (serverKey ? `Bearer ${serverKey}` : null);
  if (!authorization && profile.auth === "bearer") throw missingKey(profile);
  return { url: upstreamUrl(base, path), authorization };
}

/**
 * A seed provider's base URL: the operator's (`<ID>_BASE_URL`, else the page's default) unless the
 * browser chose another one the provider's page documents. Any other URL is refused, so a seed
 * provider's server key only ever goes to the operator's URL or the provider's own documented ones.
 */
function chosenBaseUrl(profile: ProviderProfile, requested: string | null, env: Env): URL {
  const operator = serverBaseUrl(profile, env);
  if (requested === null || requested.trim() === "") return operator;
  if (normalBaseUrl(requested) === normalBaseUrl(operator.href)) return operator;
  const documented = findDocumentedBaseUrl(profile, requested);
  if (documented) return new URL(documented);
  const allowed = documentedBaseUrls(profile).join(", ");
  throw badRequest(
    `${profile.name} accepts only the base URLs its page documents (${allowed}) or the server's ${profile.baseUrlEnv ?? "configured one"}, not ${requested.trim().slice(0, 200)}.`,
    UPSTREAM_BASE_HEADER,
    "undocumented_base_url",
  );
}
