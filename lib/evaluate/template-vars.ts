import { fillSession } from "./template";
import type { Session } from "../session/schema";

/**
 * The values typed in the playground's Variables form, for the next runs of this tab only (never
 * stored, never shared). Kept outside React, like the key store, so the run controller reads
 * them when it sends without the form's state passing through the chat components.
 */
let values: Record<string, string> = {};

export const templateVars = {
  get: (): Readonly<Record<string, string>> => values,
  set: (next: Record<string, string>) => {
    values = next;
  },
};

/** The session as sent: each `{{name}}` with a non-empty value filled in; the others stay as written. */
export function withTemplateVars(session: Session, vars: Readonly<Record<string, string>> = values): Session {
  const filled = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== ""));
  return Object.keys(filled).length === 0 ? session : fillSession(session, filled);
}
