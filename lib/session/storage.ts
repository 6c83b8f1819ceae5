import type { Session } from "./schema";
import { saveStoredValue } from "../storage/stored-value";

export const SESSION_KEY = "playground.session.v1";

const TOO_BIG =
  "This session is too big for the browser's storage (attached images count in full), so it is not saved: everything stays in this tab, but a reload would lose the latest changes. Remove an image or export the session to keep it.";

/**
 * Writes the session; returns an error sentence when storage refuses (quota, private mode).
 * The session in memory is never touched: the tab keeps all of it, only a reload would not.
 */
export function saveSession(storage: Pick<Storage, "setItem"> | null, session: Session): string | null {
  return saveStoredValue(storage, SESSION_KEY, session, "session", TOO_BIG);
}
