import type { ImportOptions, ImportResult, ImportSource } from "./import-text";
import type { Session } from "../session/schema";

/** What the import dialogs hand back: only a valid import, never a failure. */
export type ImportSuccess = Extract<ImportResult, { ok: true }>;

/** Session files hold at most a few MB of messages; anything much larger is not one. */
export const MAX_IMPORT_FILE_BYTES = 10_000_000;

/** Why a chosen file can't be a session file, or null when it is worth reading. */
export function checkImportFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return `${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB; a session file is at most ${MAX_IMPORT_FILE_BYTES / 1_000_000} MB.`;
  }
  return null;
}

/** What importText needs to know about the page: the current target (for bare bodies) and the app's origin. */
export function importOptionsFor(current: Session, origin: string): ImportOptions {
  return { current: { providerId: current.providerId, baseUrl: current.baseUrl }, origin };
}

const SOURCE_LABELS: Record<ImportSource, string> = {
  curl: "a curl command",
  "json-body": "a JSON request body",
  "session-file": "a session file",
};

/** "Imported from a curl command." */
export function importedMessage(source: ImportSource): string {
  return `Imported from ${SOURCE_LABELS[source]}.`;
}

/**
 * Imports typed or pasted text as a session for the page showing `current`. The parsers (and zod)
 * load here, on first use, so they stay out of the page's first load; a failure to load or parse
 * comes back as an error result, never thrown.
 */
export async function importTyped(text: string, current: Session, origin: string): Promise<ImportResult> {
  try {
    const { importText } = await import("./import-text");
    return importText(text, importOptionsFor(current, origin));
  } catch (e) {
    return { ok: false, error: `The import failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
