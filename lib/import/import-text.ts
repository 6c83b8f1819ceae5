import { PROFILES, PROVIDER_IDS, type ProviderId } from "../providers";
import { describeIssues } from "../issues";
import type { SharePayload } from "../share/schema";
import { type Session, sessionSchema } from "../session/schema";
import { bodyToSession } from "./body";
import { parseCurl } from "./curl";
import { headerNotices } from "./headers";
import { clip, matchUrl, type Target } from "./match";
import { isSessionFile, readSessionFile } from "./session-file";
import { splitShell } from "./shell";

export type ImportSource = "curl" | "json-body" | "session-file";

export type ImportResult =
  | { ok: true; source: ImportSource; payload: SharePayload; session: Session; notices: string[] }
  | { ok: false; error: string };

export interface ImportOptions {
  /** Where a bare JSON body goes when its model names no single provider (the current session's). */
  current?: { providerId: ProviderId; baseUrl: string };
  /** This app's origin, to recognise a request to its own local provider. */
  origin?: string;
}

/** A pasted curl command, JSON request body or saved session file, as a session to load. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const trimmed = text.trim();
  if (trimmed === "") return fail("Nothing to import: paste a curl command, a JSON request body or a saved session file.");
  if (trimmed.startsWith("{")) return importJson(trimmed, options);
  return importCurl(text, options);
}

function importJson(text: string, options: ImportOptions): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`${jsonErrorPlace(text, e)}the JSON is not valid (${(e as Error).message}).`);
  }
  if (isSessionFile(value)) {
    const file = readSessionFile(value);
    if (!file.ok) return file;
    return { ok: true, source: "session-file", payload: file.payload, session: file.payload.session, notices: [] };
  }
  const body = value as Record<string, unknown>;
  if (!("model" in body) && !("messages" in body) && !("prompt" in body)) {
    return fail("This JSON has none of model, messages or prompt, so it is neither a request body nor a saved session.");
  }
  const mode = "prompt" in body && !("messages" in body) ? "completions" : "chat";
  const { target, notice } = targetForBody(body.model, mode, options);
  return finish("json-body", bodyToSession(body, target), [notice]);
}

function importCurl(text: string, options: ImportOptions): ImportResult {
  const shell = splitShell(text);
  if (!shell.ok) return fail(shell.error);
  const command = shell.commands.find((words) => /(^|\/)curl(\.exe)?$/.test(words[0]!.text));
  if (!command) {
    const first = shell.commands[0]?.[0];
    const found = text.split("\n")[(first?.line ?? 1) - 1] ?? text;
    return fail(`Line ${first?.line ?? 1}: expected a curl command or a JSON object; found “${clip(found, 40)}”.`);
  }
  const curl = parseCurl(command);
  if (!curl.ok) return fail(curl.error);
  const match = matchUrl(curl.request.url, options.origin);
  if (!match.ok) return fail(match.error);
  if (curl.request.data === null)
    return fail("The curl command sends no body (-d, --data, --data-raw or --json), so there is no request to import.");
  let body: unknown;
  try {
    body = JSON.parse(curl.request.data);
  } catch (e) {
    return fail(`The curl command's body is not valid JSON: ${jsonErrorPlace(curl.request.data, e)}${(e as Error).message}.`);
  }
  const notices = [...match.notices, ...headerNotices(curl.request)];
  if (curl.request.method && curl.request.method !== "POST")
    notices.push(`The method ${clip(curl.request.method, 10)} was replaced by POST, which the playground always sends.`);
  if (curl.request.ignored.length > 0)
    notices.push(`These curl options were ignored: ${curl.request.ignored.map((o) => clip(o, 30)).join(", ")}.`);
  return finish("curl", bodyToSession(body, match.target), notices);
}

/** A bare body names no server: the model's only provider if there is one, else the current one, else custom. */
function targetForBody(model: unknown, mode: Session["mode"], options: ImportOptions): { target: Target; notice: string } {
  const owners = PROVIDER_IDS.filter((id) => typeof model === "string" && (PROFILES[id].models as readonly string[]).includes(model));
  if (owners.length === 1) {
    const id = owners[0]!;
    return {
      target: { providerId: id, baseUrl: "", mode },
      notice: `A JSON body names no server; the provider was set to ${PROFILES[id].name}, the only one offering this model.`,
    };
  }
  const current = options.current ?? { providerId: "custom" as const, baseUrl: "" };
  const name = PROFILES[current.providerId].name;
  return { target: { ...current, mode }, notice: `A JSON body names no server; the provider was set to ${name}. Check it before sending.` };
}

function finish(source: ImportSource, result: ReturnType<typeof bodyToSession>, notices: string[]): ImportResult {
  if (!result.ok) return result;
  const checked = sessionSchema.safeParse(result.session);
  if (!checked.success) return fail(`The request can't be held as a session: ${describeIssues(checked.error)}.`);
  const session = checked.data;
  const all = [...notices, ...result.notices];
  if (session.model === "") all.push("The request names no model.");
  return { ok: true, source, payload: { kind: "session", session }, session, notices: all };
}

/** "Line 3, column 7: " from a JSON.parse error that gives a position; "" when it gives none. */
function jsonErrorPlace(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(String((e as Error)?.message));
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  return `Line ${line}, column ${before.length - before.lastIndexOf("\n")}: `;
}

function fail(error: string): ImportResult {
  return { ok: false, error };
}
