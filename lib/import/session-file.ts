import { z } from "zod";
import { redactPayload } from "../share/redact";
import { describeIssues } from "../issues";
import { type SharePayload, sharePayloadSchema } from "../share/schema";

/** A saved session (or compare view) as a `.json` file; the same payload a share link carries. */
export const SESSION_FILE_KIND = "playground-session";
export const SESSION_FILE_VERSION = 1;

const fileSchema = z.object({
  kind: z.literal(SESSION_FILE_KIND),
  version: z.literal(SESSION_FILE_VERSION),
  exportedAt: z.string().max(100).optional(),
  payload: sharePayloadSchema,
});

/** The file's text. Keys in the extra body are left out, as in share links. */
export function exportSessionFile(payload: SharePayload, now: Date = new Date()): string {
  const clean = redactPayload(sharePayloadSchema.parse(payload)).payload;
  return `${JSON.stringify({ kind: SESSION_FILE_KIND, version: SESSION_FILE_VERSION, exportedAt: now.toISOString(), payload: clean }, null, 2)}\n`;
}

/** A file name like playground-horay-2025-01-31.json. */
export function sessionFileName(payload: SharePayload, now: Date = new Date()): string {
  const who = payload.kind === "compare" ? "compare" : payload.session.providerId;
  return `playground-${who}-${now.toISOString().slice(0, 10)}.json`;
}

export function isSessionFile(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === SESSION_FILE_KIND;
}

export function readSessionFile(value: unknown): { ok: true; payload: SharePayload } | { ok: false; error: string } {
  const version = (value as { version?: unknown }).version;
  if (typeof version === "number" && version > SESSION_FILE_VERSION) {
    return { ok: false, error: `This session file was saved by a newer version of the playground (version ${version}).` };
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, error: `This session file is not valid: ${describeIssues(parsed.error)}.` };
  return { ok: true, payload: parsed.data.payload };
}
