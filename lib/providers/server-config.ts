import "server-only";
import { ApiError } from "../errors";
import { originAndPath } from "../net/upstream-url";
import { PROFILES, PROVIDER_IDS, type ProviderProfile } from "./index";

/** Environment variables as read here (a plain record, so tests can pass a literal). */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * What the server holds for each provider, read from the environment on each call:
 * `<ID>_API_KEY` and `<ID>_BASE_URL` (the profile's `keyEnv` / `baseUrlEnv`). An empty value
 * counts as unset, so a copied `.env.example` changes nothing. Keys never leave this module
 * except as an Authorization header towards the provider's own (operator-trusted) base URL.
 */
export interface ServerProviderConfig {
  /** Effective base URL without a trailing slash; "" where the provider has none (local, custom). */
  baseUrl: string;
  apiKey: string | null;
}

const nonEmpty = (value: string | undefined) => (value && value.trim() !== "" ? value.trim() : null);

export function serverConfigFor(profile: ProviderProfile, env: Env = process.env): ServerProviderConfig {
  const fromEnv = profile.baseUrlEnv ? nonEmpty(env[profile.baseUrlEnv]) : null;
  const baseUrl = (fromEnv ?? profile.baseUrl).replace(/\/+$/, "");
  const apiKey = profile.keyEnv ? nonEmpty(env[profile.keyEnv]) : null;
  return { baseUrl, apiKey };
}

/** The base URL as a URL, or a 500 naming the variable an operator set wrong. */
export function serverBaseUrl(profile: ProviderProfile, env: Env = process.env): URL {
  const { baseUrl } = serverConfigFor(profile, env);
  let url: URL | null = null;
  try {
    url = new URL(baseUrl);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new ApiError(500, "server_error", `${profile.baseUrlEnv ?? profile.id} is not a valid http(s) URL.`, {
      code: "bad_server_config",
    });
  }
  return url;
}

/** Origin and path only: credentials or a query in an operator's URL are never shown. */
function displayBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return originAndPath(url).replace(/\/+$/, "");
  } catch {
    return "";
  }
}

export type PublicProvider = ProviderProfile & { hasServerKey: boolean };

/** Every profile for `GET /api/providers`: the key itself is reduced to a boolean. */
export function publicProviders(env: Env = process.env): PublicProvider[] {
  return PROVIDER_IDS.map((id) => {
    const profile = PROFILES[id];
    const config = serverConfigFor(profile, env);
    return { ...profile, baseUrl: displayBaseUrl(config.baseUrl), hasServerKey: config.apiKey !== null };
  });
}
