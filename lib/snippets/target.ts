import { getProfile } from "../providers";
import type { Session } from "../session/schema";

/** Where the local provider lives in this app (app/api/local/v1/...). */
export const LOCAL_API_PATH = "/api/local/v1";

/** Key variable for a custom base URL: what OpenAI's SDKs read, and what custom's profile names. */
export const CUSTOM_KEY_ENV = "OPENAI_API_KEY";

/**
 * The real endpoint a snippet targets and the env var holding its key. `origin` is this app's
 * origin (location.origin), needed only by the local provider, whose base URL is the app itself.
 */
export function snippetTarget(session: Session, origin: string): { baseUrl: string; keyEnv: string | null } {
  const profile = getProfile(session.providerId);
  if (!profile || session.providerId === "local") {
    return { baseUrl: trimSlash(session.baseUrl || `${trimSlash(origin)}${LOCAL_API_PATH}`), keyEnv: null };
  }
  const baseUrl = trimSlash(session.baseUrl || profile.baseUrl);
  // The server's variable first (the README documents it), then the one the provider's docs use.
  const keyEnv = profile.auth === "none" ? null : (profile.keyEnv ?? profile.docsKeyVar ?? CUSTOM_KEY_ENV);
  return { baseUrl, keyEnv };
}

export function endpointUrl(baseUrl: string, path: string): string {
  return `${trimSlash(baseUrl)}/${path}`;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
