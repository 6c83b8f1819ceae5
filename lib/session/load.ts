import { sessionSchema, type Session } from "./schema";
import { SESSION_KEY } from "./storage";
import { defaultSession } from "./state";
import { loadStoredValue } from "../storage/stored-value";

/** Loading with validation (zod): imported dynamically so zod stays out of the first load. */
export interface LoadedSession {
  session: Session;
  /** Set when stored data existed but could not be used; the stored value is left untouched. */
  notice: string | null;
  /** Nothing was stored: a first visit. */
  fresh: boolean;
}

/** Reads and validates the stored session; invalid data gives the defaults and a notice. */
export function loadSession(storage: Pick<Storage, "getItem"> | null): LoadedSession {
  const { value, notice, found } = loadStoredValue(storage, SESSION_KEY, sessionSchema, "session", {
    instead: "starting from the defaults",
  });
  return { session: value ?? defaultSession(), notice, fresh: !found };
}
