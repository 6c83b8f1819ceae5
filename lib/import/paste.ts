/** Past this many characters a paste is not inspected (it is text for the model, not a request). */
const MAX_INSPECTED = 4_000_000;

const CURL_START = /^(?:\$\s*|>\s*)?(?:\S*[/\\])?curl(?:\.exe)?\s+\S/i;

/**
 * Whether text pasted into the composer looks like a request to import: a curl command (maybe
 * after a `$ ` prompt) that names a URL, a JSON request body (`messages` or `prompt`), or a saved
 * session file. Pure and cheap; it decides only whether to offer "Import this request?".
 */
export function detectPastedRequest(text: string): boolean {
  if (typeof text !== "string" || text.length > MAX_INSPECTED) return false;
  const trimmed = text.trim();
  if (trimmed === "") return false;
  if (trimmed.startsWith("{")) return isRequestJson(trimmed);
  const firstLine = trimmed.split("\n", 1)[0] ?? "";
  return CURL_START.test(firstLine) && /https?:\/\/|localhost|127\.0\.0\.1/i.test(trimmed);
}

function isRequestJson(text: string): boolean {
  if (!text.endsWith("}")) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const body = value as Record<string, unknown>;
  if (body.kind === "playground-session") return true;
  if (Array.isArray(body.messages)) return body.messages.every(isMessageLike);
  return typeof body.prompt === "string" && ("model" in body || Object.keys(body).length === 1);
}

function isMessageLike(m: unknown): boolean {
  return typeof m === "object" && m !== null && typeof (m as { role?: unknown }).role === "string";
}
