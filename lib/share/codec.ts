import { fromBase64Url, toBase64Url } from "./base64url";
import { deflateRaw, inflateRaw } from "./compress";
import { withoutLargeImages } from "./images";
import { redactPayload } from "./redact";
import { describeIssues } from "../issues";
import { type SharePayload, sharePayloadSchema } from "./schema";

/**
 * Share links carry the whole session in the URL fragment: `#s=v1.<base64url(deflate-raw(JSON))>`.
 * Browsers never send the fragment to the server, so the server stores and sees nothing. The
 * version lets a later format be told apart from a damaged link.
 */
export const SHARE_PARAM = "s";
export const SHARE_VERSION = "v1";

/** Larger fragments are refused before any work; inflated JSON is capped too (a zip bomb is tiny). */
const MAX_FRAGMENT_CHARS = 4_000_000;
const MAX_JSON_BYTES = 8_000_000;

export type DecodeResult = { ok: true; value: SharePayload } | { ok: false; error: string };

/** The fragment (with its `#`) for a payload; keys in the extra body and large images are left out (see redactPayload, withoutLargeImages). */
export async function encodeShare(payload: SharePayload): Promise<string> {
  const clean = withoutLargeImages(redactPayload(sharePayloadSchema.parse(payload)).payload).payload;
  const bytes = await deflateRaw(new TextEncoder().encode(JSON.stringify(clean)));
  return `#${SHARE_PARAM}=${SHARE_VERSION}.${toBase64Url(bytes)}`;
}

/** `pageUrl` with its fragment replaced by the share fragment. */
export function shareUrl(pageUrl: string, fragment: string): string {
  const hash = pageUrl.indexOf("#");
  return `${hash === -1 ? pageUrl : pageUrl.slice(0, hash)}${fragment}`;
}

/**
 * A full URL, a fragment, or the part after `#`. Never throws and never rejects: a damaged or
 * hand-edited link gets a message saying what is wrong with it.
 */
export async function decodeShare(input: string): Promise<DecodeResult> {
  try {
    return await decode(input);
  } catch {
    return fail("This link is damaged and can't be opened.");
  }
}

async function decode(input: string): Promise<DecodeResult> {
  if (typeof input !== "string" || input.length > MAX_FRAGMENT_CHARS) return fail("This link is too long to be a shared session.");
  const data = shareParam(input);
  if (data === null) return fail("This link has no shared session in it (no #s= part).");
  const dot = data.indexOf(".");
  const version = dot === -1 ? "" : data.slice(0, dot);
  if (version !== SHARE_VERSION) {
    return fail(
      /^v\d+$/.test(version)
        ? `This link was made in another version of the playground (format ${version}); this one reads ${SHARE_VERSION}.`
        : "This link is damaged: its data does not start with a format version (it may have been cut or edited).",
    );
  }
  const bytes = fromBase64Url(data.slice(dot + 1));
  if (bytes === null)
    return fail("This link is damaged: it contains characters a shared session never has (it may have been cut or edited).");
  const json = await inflateRaw(bytes, MAX_JSON_BYTES).catch(() => null);
  if (json === null) return fail("This link is damaged: its data can't be unpacked (it may have been cut short).");
  if (json === "too-large") return fail(`This link unpacks to more than ${MAX_JSON_BYTES / 1_000_000} MB; it was not opened.`);
  return parsePayload(json);
}

function parsePayload(bytes: Uint8Array): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return fail("This link is damaged: its data is not valid JSON.");
  }
  const parsed = sharePayloadSchema.safeParse(value);
  if (!parsed.success) return fail(`This link's session is not valid: ${describeIssues(parsed.error)}.`);
  return { ok: true, value: parsed.data };
}

/** The value of `s=` in the fragment (or in the whole input when it has no `#`). */
function shareParam(input: string): string | null {
  const hash = input.indexOf("#");
  const fragment = (hash === -1 ? input : input.slice(hash + 1)).trim();
  for (const part of fragment.split("&")) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}

function fail(error: string): DecodeResult {
  return { ok: false, error };
}
