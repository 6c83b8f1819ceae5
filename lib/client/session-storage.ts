import type { Session } from "../session/schema";
import type { StorageLike } from "./keys";

export const SESSION_KEY = "playground.session.v1";

/** Writes the session; returns an error sentence when storage refuses (quota, private mode). */
export function saveSession(storage: StorageLike | null, session: Session): string | null {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session));
    return null;
  } catch (e) {
    return `Could not save the session: ${(e as Error).message}`;
  }
}
