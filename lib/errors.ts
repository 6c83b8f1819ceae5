/**
 * One error type for every JSON error this app itself produces, in OpenAI's error shape
 * (`{"error":{"message","type","param","code"}}`), so clients parse ours like a provider's.
 * Upstream errors are never wrapped in this: they pass through the proxy as they came.
 */
export type ApiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "upstream_error"
  | "timeout_error"
  | "server_error";

export interface ApiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorType;
  readonly param: string | null;
  readonly code: string | null;
  /** Headers the answer needs wherever it is sent from (a 429's retry-after). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    type: ApiErrorType,
    message: string,
    options: { param?: string | null; code?: string | null; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.type = type;
    this.param = options.param ?? null;
    this.code = options.code ?? null;
    this.headers = options.headers ?? {};
  }

  toBody(): ApiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }

  toResponse(headers?: HeadersInit): Response {
    const h = new Headers(this.headers);
    for (const [name, value] of new Headers(headers)) h.set(name, value);
    h.set("content-type", "application/json");
    return new Response(JSON.stringify(this.toBody()), { status: this.status, headers: h });
  }

  /** Turns an error response body back into an ApiError (client side); null when it is not one. */
  static fromBody(status: number, body: unknown): ApiError | null {
    if (typeof body !== "object" || body === null || !("error" in body)) return null;
    const e = (body as { error: unknown }).error;
    if (typeof e !== "object" || e === null || typeof (e as { message?: unknown }).message !== "string") return null;
    const { message, type, param, code } = e as Record<string, unknown>;
    return new ApiError(status, (typeof type === "string" ? type : "upstream_error") as ApiErrorType, message as string, {
      param: typeof param === "string" ? param : null,
      code: typeof code === "string" ? code : null,
    });
  }
}

export const badRequest = (message: string, param?: string, code?: string) =>
  new ApiError(400, "invalid_request_error", message, { param: param ?? null, code: code ?? null });
