import type { LookupFunction } from "node:net";
import { ApiError } from "../errors";
import { createGuardedLookup } from "../net/guarded-lookup";
import { parseCustomBaseUrl } from "../net/upstream-url";
import type { Endpoint, ProviderProfile } from "../providers";
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
  const base = serverBaseUrl(profile, env);
  const serverKey = serverConfigFor(profile, env).apiKey;
  const authorization = fromBrowser ?? (serverKey ? `Bearer ${serverKey}` : null);
  if (!authorization && profile.auth === "bearer") throw missingKey(profile);
  return { url: upstreamUrl(base, path), authorization };
}
