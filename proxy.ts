import { type NextRequest, NextResponse } from "next/server";
import { ApiError } from "@/lib/errors";
import { checkAccess, configuredAccessToken } from "@/lib/proxy/access-token";

/**
 * The access gate (Next 16's renamed middleware, Node runtime). With PLAYGROUND_ACCESS_TOKEN
 * set, pages redirect to /signin and API routes answer 401 until the client shows the token.
 * /api/proxy/* is left out of the matcher and gates itself (lib/proxy/access-token.ts): a
 * proxy.ts match makes Next buffer and cap request bodies, which would break the 413 check.
 * Wrong tokens are throttled here as everywhere: past the limit, 429 for pages and API alike.
 */
export function proxy(request: NextRequest): NextResponse | Response {
  const rawPath = new URL(request.url).pathname;
  if (undecodable(rawPath)) {
    return new ApiError(400, "invalid_request_error", "The request path is not valid percent-encoding.", { code: "invalid_path_encoding" }).toResponse();
  }
  if (rawPath.startsWith("/api/proxy/")) return NextResponse.next();
  const token = configuredAccessToken();
  const denied = token ? checkAccess(request.headers, token, { allowBearer: true }) : null;
  if (!denied) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/") || denied.status === 429) return denied.toResponse();
  const signin = new URL("/signin", request.url);
  signin.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signin, 303);
}

/**
 * Next answers a route segment that does not percent-decode with a bare 500 before the route's
 * code runs, so such paths are refused here. /api/proxy/ paths come through the gate only when
 * they hold a "%", which keeps the usual proxy requests' bodies unbuffered.
 */
function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export const config = {
  matcher: ["/((?!api/proxy/|api/health|signin|_next/static|_next/image|favicon.ico).*)", "/api/proxy/:rest(.*%.*)"],
};
