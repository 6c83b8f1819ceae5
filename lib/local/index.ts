import { ApiError } from "../errors";
import { handleChat, handleCompletions, handleModels, handleTokenize } from "./api/handlers";

/**
 * The built-in local provider: an OpenAI-compatible API over a small n-gram model. `path` is what
 * follows `/v1/`. Called by the Next route `app/api/local/v1/[...path]` and in-process by the
 * proxy for provider `local`. Every failure becomes an OpenAI-shaped error response.
 */
type Handler = (request: Request) => Promise<Response> | Response;

const ROUTES: Record<string, { method: "GET" | "POST"; handler: Handler }> = {
  "chat/completions": { method: "POST", handler: handleChat },
  completions: { method: "POST", handler: handleCompletions },
  models: { method: "GET", handler: handleModels },
  tokenize: { method: "POST", handler: handleTokenize },
};

export async function handleLocalRequest(path: string, request: Request): Promise<Response> {
  const route = ROUTES[path.replace(/^\/+|\/+$/g, "")];
  try {
    if (!route) throw new ApiError(404, "not_found_error", `Unknown endpoint '/v1/${path}'.`, { code: "unknown_url" });
    if (request.method !== route.method) {
      throw new ApiError(405, "invalid_request_error", `Method ${request.method} is not allowed on '/v1/${path}'; use ${route.method}.`, {
        code: "method_not_allowed",
      });
    }
    return await route.handler(request);
  } catch (e) {
    if (e instanceof ApiError) return e.toResponse();
    return new ApiError(500, "server_error", "The local model failed to answer this request.").toResponse();
  }
}

export { LOCAL_MODEL_ID } from "../providers/profiles";
