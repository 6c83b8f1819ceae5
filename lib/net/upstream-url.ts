import { ApiError, badRequest } from "../errors";
import { blockedAddressReason } from "./address-policy";
import { BlockedAddressError, PRIVATE_UPSTREAMS_HINT } from "./errors";
import { parseIPv4, parseIPv6 } from "./ip";

/** The host as `http.request` wants it: IPv6 literals without their brackets. */
export function bareHostname(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** `scheme://host[:port]/path`: what may be shown of a URL whose userinfo or query may hold a key. */
export function originAndPath(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export function isIpLiteral(url: URL): boolean {
  const host = bareHostname(url);
  return parseIPv4(host) !== null || parseIPv6(host) !== null;
}

/**
 * Checks a user-supplied base URL (the custom provider's `x-upstream-base-url`). WHATWG URL
 * parsing has already turned `2130706433`, `0x7f.1` and `127.1` into `127.0.0.1`, so an IP
 * literal is judged here (Node connects to literals without calling `lookup`); hostnames are
 * judged at connect time by the guarded lookup. Userinfo (`user@host`) is refused outright:
 * it is the classic way to make two parsers disagree about the host, and a key belongs in
 * the Authorization header, not in a URL that is echoed in `x-upstream-url`.
 */
export function parseCustomBaseUrl(raw: string | null, allowPrivate: boolean): URL {
  if (raw === null || raw.trim() === "") {
    throw badRequest("The custom provider needs its base URL in the x-upstream-base-url header.", "x-upstream-base-url");
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badRequest(`x-upstream-base-url is not a valid URL: ${raw.slice(0, 200)}`, "x-upstream-base-url");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw badRequest(`x-upstream-base-url must use http or https, not ${url.protocol}`, "x-upstream-base-url");
  }
  if (url.username !== "" || url.password !== "") {
    throw new ApiError(
      403,
      "permission_error",
      "x-upstream-base-url must not contain credentials (user@host); send a key in the Authorization header instead.",
      { param: "x-upstream-base-url", code: "upstream_credentials_in_url" },
    );
  }
  url.hash = "";
  if (!allowPrivate && isIpLiteral(url)) {
    const reason = blockedAddressReason(bareHostname(url));
    if (reason) throw blockedToApiError(new BlockedAddressError(url.hostname, url.hostname, reason));
  }
  return url;
}

export function blockedToApiError(error: BlockedAddressError): ApiError {
  return new ApiError(403, "permission_error", `${error.message} ${PRIVATE_UPSTREAMS_HINT}`, {
    param: "x-upstream-base-url",
    code: "upstream_address_blocked",
  });
}
