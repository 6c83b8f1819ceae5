import { sessionSchema, type Session } from "../session/schema";
import type { StorageLike } from "./keys";
import { SESSION_KEY } from "./session-storage";
import { defaultSession } from "./session-state";

/** Loading with validation (zod): imported dynamically so zod stays out of the first load. */
export interface LoadedSession {
  session: Session;
  /** Set when stored data existed but could not be used; the stored value is left untouched. */
  notice: string | null;
  /** Nothing was stored: a first visit. */
  fresh: boolean;
}

/** Reads and validates the stored session; invalid data gives the defaults and a notice. */
export function loadSession(storage: StorageLike | null): LoadedSession {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(SESSION_KEY) ?? null;
  } catch {
    return { session: defaultSession(), notice: "This browser does not allow reading saved sessions.", fresh: true };
  }
  if (raw === null) return { session: defaultSession(), notice: null, fresh: true };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { session: defaultSession(), notice: "The saved session is not valid JSON; starting from the defaults.", fresh: false };
  }
  const parsed = sessionSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? ` (${issue.path.join(".") || "root"}: ${issue.message})` : "";
    return { session: defaultSession(), notice: `The saved session could not be used${where}; starting from the defaults.`, fresh: false };
  }
  return { session: parsed.data, notice: null, fresh: false };
}
