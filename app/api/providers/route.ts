import { publicProviders } from "@/lib/providers/server-config";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Every profile, with `hasServerKey` standing in for the key itself (which never leaves the server). */
export function GET(): Response {
  return Response.json({ providers: publicProviders() }, { headers: { "cache-control": "no-store" } });
}
