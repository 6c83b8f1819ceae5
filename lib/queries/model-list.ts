import type { ProviderProfile } from "../providers";
import { FetchError } from "./queries";

export interface ModelListState {
  canAsk: boolean;
  isFetching: boolean;
  error: unknown;
  data: readonly string[] | undefined;
}

export type ModelListNote = { text: string; tone: "muted" | "notice" | "error" } | null;

/**
 * The line under the model picker. A 404 from `/models` (no seed page documents that endpoint)
 * is not an error to hide or to shout about: the picker says so and offers the page's models.
 */
export function modelListNote(profile: ProviderProfile, s: ModelListState): ModelListNote {
  if (s.isFetching) return { text: "loading models…", tone: "muted" };
  if (s.error) {
    if (s.error instanceof FetchError && s.error.status === 404) {
      const n = profile.models.length;
      const documented = profile.endpoints.includes("models") ? "" : " (its page does not document it)";
      const fallback = n > 0 ? `showing the ${n} model${n === 1 ? "" : "s"} its page names` : "type a model id";
      return { text: `${profile.name} has no model list: GET /models answered 404${documented}; ${fallback}.`, tone: "notice" };
    }
    return { text: `Models: ${s.error instanceof Error ? s.error.message : String(s.error)}`, tone: "error" };
  }
  if (s.data) return { text: `${s.data.length} live model${s.data.length === 1 ? "" : "s"}`, tone: "muted" };
  return s.canAsk ? null : { text: "live list needs a key", tone: "muted" };
}
