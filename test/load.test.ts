import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultUpstream, faultBody, fetchPartial, LOAD_CHUNKS, loadEvents, startFaultUpstream } from "./support/fault-upstream";
import { type NextServer, startNextServer } from "./support/next-server";

/**
 * 200 concurrent streams through the proxy to a local upstream, each of LOAD_CHUNKS events at a
 * fast model's pace (two every 20 ms), while /api/health is polled every 50 ms. The streams start
 * 5 ms apart (1 s in all), as clicks do, rather than in one instant burst; the upstream holds the
 * second half of every stream until all 200 have arrived, so they are truly open at once.
 * Bounded: 200 requests, one 45 s budget for all of them, HEALTH_BUDGET_MS for each health check
 * (measured: slowest 0.6-0.9 s alone, 1.8 s with two busy loops competing for the 2 cores, 3.1 s
 * once with a browser and a build competing). The test asks for liveness, an answer every time,
 * not a latency: that is measured by `npm run bench`, where noise is compared away.
 */
const STREAMS = 200;
const START_EVERY_MS = 5;
const HEALTH_EVERY_MS = 50;
const HEALTH_BUDGET_MS = 10_000;

let upstream: FaultUpstream;
let server: NextServer;

beforeAll(async () => {
  upstream = await startFaultUpstream({ loadBarrier: STREAMS });
  server = await startNextServer({ OPENAI_BASE_URL: upstream.baseUrl, OPENAI_API_KEY: "sk-load", PLAYGROUND_STREAM_IDLE_TIMEOUT_S: "30" });
});
afterAll(async () => {
  await server?.stop();
  await upstream?.close();
});

interface HealthLog {
  checks: number;
  failures: string[];
  slowestMs: number;
}

/** Polls until `stop()` resolves; every check must be a 200 within the budget. */
function pollHealth(url: string): { stop: () => Promise<HealthLog> } {
  const log: HealthLog = { checks: 0, failures: [], slowestMs: 0 };
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const res = await fetchPartial(url, "/api/health", undefined, HEALTH_BUDGET_MS);
        const ms = Date.now() - started;
        log.slowestMs = Math.max(log.slowestMs, ms);
        if (res.status !== 200 || !res.complete) log.failures.push(`status ${res.status} after ${ms} ms`);
      } catch (error) {
        log.failures.push(`${(error as Error).message} after ${Date.now() - started} ms`);
      }
      log.checks++;
      await new Promise((r) => setTimeout(r, HEALTH_EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return log;
    },
  };
}

describe("load", () => {
  it(`${STREAMS} concurrent streams arrive byte for byte while /api/health keeps answering`, async () => {
    const health = pollHealth(server.url);
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: STREAMS }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * START_EVERY_MS));
        const tag = `s${i}`;
        const res = await fetchPartial(server.url, "/api/proxy/openai/chat/completions", faultBody("load", tag), 45_000);
        return { tag, res };
      }),
    );
    const ms = Date.now() - started;
    const log = await health.stop();
    const bytes = results.reduce((n, r) => n + r.res.body.length, 0);
    console.info(
      `[load] ${STREAMS} streams × ${LOAD_CHUNKS} events (${(bytes / 1e6).toFixed(1)} MB) in ${ms} ms; ` +
        `${upstream.peakSockets()} open at once; ${log.checks} health checks, slowest ${log.slowestMs} ms, ${log.failures.length} failed`,
    );
    expect(upstream.peakSockets()).toBe(STREAMS);
    for (const { tag, res } of results) {
      expect(res.status, tag).toBe(200);
      expect(res.complete, tag).toBe(true);
      const expected = loadEvents(tag).join("");
      // Compare lengths first: a mismatch of a 40 kB string would bury the report.
      expect(res.body.length, tag).toBe(Buffer.byteLength(expected));
      expect(res.body.toString() === expected, `${tag}: bytes differ`).toBe(true);
    }
    expect(log.failures, log.failures.join("; ")).toEqual([]);
    expect(log.checks).toBeGreaterThan(0);
    expect(ms).toBeLessThan(45_000);
  }, 60_000);
});
