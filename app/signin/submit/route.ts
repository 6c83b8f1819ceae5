import { safeRedirectPath } from "@/lib/net/redirect-path";
import {
  ACCESS_COOKIE,
  ACCESS_COOKIE_MAX_AGE_S,
  configuredAccessToken,
  issueAccessCookie,
  judgeOffer,
  sessionSecret,
} from "@/lib/proxy/access-token";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** A relative Location: the browser resolves it against the origin it actually used. */
function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ location });
  if (cookie) headers.set("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

export async function POST(request: Request): Promise<Response> {
  const token = configuredAccessToken();
  const form = await request.formData().catch(() => new FormData());
  const next = safeRedirectPath(form.get("next"));
  if (!token) return redirect(next);
  const given = form.get("token");
  const denied = judgeOffer(typeof given === "string" && given !== "" ? [given] : [], token, request.headers);
  if (denied?.status === 429) return denied.toResponse();
  if (denied) return redirect(`/signin?error=1&next=${encodeURIComponent(next)}`);
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const cookie = [
    `${ACCESS_COOKIE}=${issueAccessCookie(token, sessionSecret(), Date.now())}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${ACCESS_COOKIE_MAX_AGE_S}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  return redirect(next, cookie);
}
