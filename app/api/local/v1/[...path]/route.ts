import { handleLocalRequest } from "@/lib/local";
import { checkRateLimit } from "@/lib/proxy/rate-limit";

/**
 * The local provider's OpenAI-compatible API; all the work is in lib/local. Limited per client
 * like the proxy (same limiter, same PLAYGROUND_RATE_LIMIT_* settings): the model's CPU is the
 * server's. The proxy's own `local` provider is limited once, by the proxy.
 */
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const limited = checkRateLimit(request);
  if (limited) return limited;
  const { path } = await params;
  return handleLocalRequest(path.join("/"), request);
}

export const GET = handle;
export const POST = handle;
