import type { Word } from "./shell";

/** What a curl command says about the request, before it is turned into a session. */
export interface CurlRequest {
  url: string;
  method: string | null;
  headers: { name: string; value: string }[];
  /** The body as curl would send it; null when there is no -d/--data…/--json. */
  data: string | null;
  /** Credentials given outside a header (-u, --oauth2-bearer): dropped, only noted. */
  credentials: boolean;
  ignored: string[];
}

export type CurlResult = { ok: true; request: CurlRequest } | { ok: false; error: string };

const DATA = new Set(["-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"]);
/** Options that take a value this import has no use for. */
const SKIP_VALUE = new Set([
  "-o",
  "--output",
  "-m",
  "--max-time",
  "--connect-timeout",
  "-A",
  "--user-agent",
  "-e",
  "--referer",
  "-x",
  "--proxy",
  "-w",
  "--write-out",
  "--retry",
  "--retry-delay",
  "--retry-max-time",
  "--cacert",
  "--cert",
  "--key",
  "-b",
  "--cookie",
  "-c",
  "--cookie-jar",
  "-r",
  "--range",
  "--resolve",
  "--limit-rate",
  "--max-filesize",
  "--interface",
  "-y",
  "-Y",
  "-z",
  "--unix-socket",
  "--proto",
  "--tlsv1.2",
  "--ciphers",
  "--trace",
  "--trace-ascii",
  "--stderr",
]);
const REFUSED: Readonly<Record<string, string>> = {
  "-F": "a multipart form (-F) is not a JSON request",
  "--form": "a multipart form (--form) is not a JSON request",
  "-T": "an upload (-T) is not a JSON request",
  "--upload-file": "an upload (--upload-file) is not a JSON request",
  "--data-urlencode": "a URL-encoded body (--data-urlencode) is not a JSON request",
  "-K": "options read from a config file (-K) can't be imported",
  "--config": "options read from a config file (--config) can't be imported",
};
/** Short options that take a value, for bundles like -sSXPOST. */
const SHORT_WITH_VALUE = new Set("XHduomAexwbcrFTKyYz".split(""));

/** Reads the words of one curl command (the first word is `curl`). */
export function parseCurl(words: Word[]): CurlResult {
  const req: CurlRequest = { url: "", method: null, headers: [], data: null, credentials: false, ignored: [] };
  const args = expandShortBundles(words.slice(1));
  for (let i = 0; i < args.length; i++) {
    const { text: arg, line } = args[i]!;
    if (!arg.startsWith("-") || arg === "-") {
      if (!req.url) req.url = arg;
      continue;
    }
    if (REFUSED[arg]) return { ok: false, error: `Line ${line}: ${REFUSED[arg]}.` };
    const takesValue =
      DATA.has(arg) ||
      SKIP_VALUE.has(arg) ||
      ["-X", "--request", "-H", "--header", "--url", "-u", "--user", "--oauth2-bearer"].includes(arg);
    if (!takesValue) {
      if (!KNOWN_FLAGS.has(arg)) req.ignored.push(arg);
      continue;
    }
    const value = args[++i]?.text;
    if (value === undefined) return { ok: false, error: `Line ${line}: ${arg} needs a value after it.` };
    const error = apply(req, arg, value, line);
    if (error) return { ok: false, error };
  }
  if (!req.url) return { ok: false, error: `Line ${words[0]?.line ?? 1}: the curl command has no URL.` };
  return { ok: true, request: req };
}

function apply(req: CurlRequest, arg: string, value: string, line: number): string | null {
  if (arg === "-X" || arg === "--request") req.method = value.toUpperCase();
  else if (arg === "--url") req.url = value;
  else if (arg === "-u" || arg === "--user" || arg === "--oauth2-bearer") req.credentials = true;
  else if (arg === "-H" || arg === "--header") {
    const colon = value.indexOf(":");
    if (colon > 0) req.headers.push({ name: value.slice(0, colon).trim(), value: value.slice(colon + 1).trim() });
  } else if (DATA.has(arg)) {
    // curl reads a file for @name, except with --data-raw.
    if (arg !== "--data-raw" && value.startsWith("@")) {
      return `Line ${line}: ${arg} ${value} reads the body from a file, which can't be pasted; paste the JSON itself instead.`;
    }
    // Several -d are joined with & by curl.
    req.data = req.data === null ? value : `${req.data}&${value}`;
  }
  return null;
}

/** Flags without a value that need no notice: they change output or transport, not the request. */
const KNOWN_FLAGS = new Set([
  "-s",
  "--silent",
  "-S",
  "--show-error",
  "-L",
  "--location",
  "-N",
  "--no-buffer",
  "-v",
  "--verbose",
  "-i",
  "--include",
  "-k",
  "--insecure",
  "--compressed",
  "-f",
  "--fail",
  "--fail-with-body",
  "-g",
  "--globoff",
  "--http1.1",
  "--http2",
  "-#",
  "--progress-bar",
  "-q",
]);

/** -sSXPOST → -s -S -X POST; -HAccept:x → -H Accept:x. Long options pass unchanged. */
function expandShortBundles(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    if (!/^-[A-Za-z#]/.test(w.text) || w.text.startsWith("--")) {
      out.push(w);
      continue;
    }
    for (let k = 1; k < w.text.length; k++) {
      const letter = w.text[k]!;
      out.push({ text: `-${letter}`, line: w.line });
      if (SHORT_WITH_VALUE.has(letter)) {
        if (k + 1 < w.text.length) out.push({ text: w.text.slice(k + 1), line: w.line });
        break;
      }
    }
  }
  return out;
}
