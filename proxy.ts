import { type NextRequest, NextResponse } from "next/server";
import { checkAccess, configuredAccessToken } from "@/lib/proxy/access-token";
import { invalidPathEncoding, undecodablePath } from "@/lib/proxy/paths";

/**
 * The access gate (Next 16's renamed middleware, Node runtime). With PLAYGROUND_ACCESS_TOKEN
 * set, pages redirect to /signin and API routes answer 401 until the client shows the token.
 * /api/proxy/* never reaches Next: the custom server (server/main.ts) hands it to lib/proxy,
 * which gates itself (lib/proxy/access-token.ts).
 * Wrong tokens are throttled here as everywhere: past the limit, 429 for pages and API alike.
 */
export function proxy(request: NextRequest): NextResponse | Response {
  const rawPath = new URL(request.url).pathname;
  if (undecodablePath(rawPath)) return invalidPathEncoding().toResponse();
  const token = configuredAccessToken();
  const denied = token ? checkAccess(request.headers, token, { allowBearer: true }) : null;
  if (!denied) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/") || denied.status === 429) return denied.toResponse();
  const signin = new URL("/signin", request.url);
  signin.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signin, 303);
}

/** Next answers a route segment that does not percent-decode with a bare 500 before the route's
 * code runs, which is why every matched path is checked above, before the gate. */
export const config = {
  matcher: ["/((?!api/health|signin|_next/static|_next/image|favicon.ico).*)"],
};
