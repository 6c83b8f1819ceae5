import { queryOptions } from "@tanstack/react-query";
import type { ProviderId, ProviderProfile } from "../providers";
import { errorFromBody } from "../run/run";

/** One entry of `GET /api/providers`. */
export type ProviderInfo = ProviderProfile & { hasServerKey: boolean; baseUrl: string };

export class FetchError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = errorFromBody(body);
    throw new FetchError(res.status, `${res.status}: ${e?.message ?? (text.slice(0, 300) || res.statusText)}`);
  }
  return body;
}

export const providersQuery = queryOptions({
  queryKey: ["providers"],
  queryFn: async ({ signal }): Promise<ProviderInfo[]> => {
    const body = (await readJson(await fetch("/api/providers", { signal }))) as { providers?: ProviderInfo[] };
    return Array.isArray(body?.providers) ? body.providers : [];
  },
  staleTime: 5 * 60_000,
});

/**
 * Headers for a proxied call: the user's key as Authorization, and the session's base URL when it
 * is not the default (custom's URL, or a seed provider's documented alternative chosen in the bar).
 */
export function proxyHeaders(providerId: ProviderId, key: string, baseUrl: string): Record<string, string> {
  const h: Record<string, string> = {};
  if (key !== "") h.Authorization = `Bearer ${key}`;
  if (providerId !== "local" && baseUrl.trim() !== "") h["x-upstream-base-url"] = baseUrl.trim();
  return h;
}

export function modelsQuery(providerId: ProviderId, key: string, baseUrl: string, enabled: boolean) {
  return queryOptions({
    // The key itself is not part of the cache key; whether one is set is.
    queryKey: ["models", providerId, baseUrl, key !== ""],
    queryFn: async ({ signal }): Promise<string[]> => {
      const res = await fetch(`/api/proxy/${providerId}/models`, { signal, headers: proxyHeaders(providerId, key, baseUrl) });
      const body = (await readJson(res)) as { data?: { id?: unknown }[] } | null;
      const list = Array.isArray(body?.data) ? body.data : [];
      return list.map((m) => (typeof m?.id === "string" ? m.id : "")).filter((id) => id !== "");
    },
    enabled,
    staleTime: 10 * 60_000,
    retry: false,
  });
}
