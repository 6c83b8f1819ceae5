import type { Env } from "../providers/server-config";
import { MAX_REQUEST_BODY_BYTES } from "../request/limits";
/** Proxy settings read from the environment on every request (tests start servers with short timeouts). */
export interface ProxySettings {
  /** How long to wait for an upstream's response headers (PLAYGROUND_UPSTREAM_TIMEOUT_S, default 120). */
  upstreamTimeoutMs: number;
  /** How long a response body may stay silent (PLAYGROUND_STREAM_IDLE_TIMEOUT_S, default 60). */
  streamIdleTimeoutMs: number;
  /** PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS=1 lets `custom` reach loopback and private addresses. */
  allowPrivateUpstreams: boolean;
  maxBodyBytes: number;
}

function seconds(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n * 1000 : fallback * 1000;
}

export function readProxySettings(env: Env = process.env): ProxySettings {
  return {
    upstreamTimeoutMs: seconds(env.PLAYGROUND_UPSTREAM_TIMEOUT_S, 120),
    streamIdleTimeoutMs: seconds(env.PLAYGROUND_STREAM_IDLE_TIMEOUT_S, 60),
    allowPrivateUpstreams: env.PLAYGROUND_ALLOW_PRIVATE_UPSTREAMS === "1",
    maxBodyBytes: MAX_REQUEST_BODY_BYTES,
  };
}
