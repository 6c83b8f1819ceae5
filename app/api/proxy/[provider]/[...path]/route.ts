import { forwardToProvider } from "@/lib/proxy";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

interface Context {
  params: Promise<{ provider: string; path: string[] }>;
}

/** Thin on purpose: route checks, keys, streaming and errors all live in lib/proxy. */
async function handle(request: Request, context: Context): Promise<Response> {
  const { provider, path } = await context.params;
  return forwardToProvider({ providerId: provider, pathSegments: path, request });
}

export { handle as GET, handle as POST };
