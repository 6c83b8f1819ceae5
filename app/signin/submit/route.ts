import { ACCESS_COOKIE, accessCookieValue, configuredAccessToken, safeEqual } from "@/lib/proxy/access-token";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Only same-origin paths: `//evil.example` or `/\evil.example` would be an open redirect. */
function safeNext(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/(?![/\\])/.test(value) ? value : "/";
}

/** A relative Location: the browser resolves it against the origin it actually used. */
function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ location });
  if (cookie) headers.set("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

export async function POST(request: Request): Promise<Response> {
  const token = configuredAccessToken();
  const form = await request.formData().catch(() => new FormData());
  const next = safeNext(form.get("next"));
  if (!token) return redirect(next);
  const given = form.get("token");
  if (typeof given !== "string" || !safeEqual(given, token)) {
    return redirect(`/signin?error=1&next=${encodeURIComponent(next)}`);
  }
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const cookie = [
    `${ACCESS_COOKIE}=${accessCookieValue(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${30 * 24 * 3600}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  return redirect(next, cookie);
}
