import type { Session } from "../session/schema";
import type { StorageLike } from "./keys";

export const SESSION_KEY = "playground.session.v1";

/**
 * Writes the session; returns an error sentence when storage refuses (quota, private mode).
 * The session in memory is never touched: the tab keeps all of it, only a reload would not.
 */
export function saveSession(storage: StorageLike | null, session: Session): string | null {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session));
    return null;
  } catch (e) {
    if (isQuotaError(e)) {
      return "This session is too big for the browser's storage (attached images count in full), so it is not saved: everything stays in this tab, but a reload would lose the latest changes. Remove an image or export the session to keep it.";
    }
    return `Could not save the session: ${(e as Error).message}`;
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException ? e.name === "QuotaExceededError" || e.code === 22 : /quota/i.test(String((e as Error)?.message ?? e));
}
