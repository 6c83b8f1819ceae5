import { handleLocalRequest } from "@/lib/local";

/** The local provider's OpenAI-compatible API; all the work is in lib/local. */
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return handleLocalRequest(path.join("/"), request);
}

export const GET = handle;
export const POST = handle;
