import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readProxySettings } from "../lib/proxy/settings";
import { errorEvent } from "../lib/proxy/stream";
import {
  badLineEvents,
  bigEvent,
  type FaultScenario,
  type FaultUpstream,
  faultBody,
  fetchPartial,
  HALF_JSON,
  halfCutPrefix,
  halfEvents,
  HTML_PAGE,
  startFaultUpstream,
} from "./support/fault-upstream";
import { freePort, type NextServer, startNextServer } from "./support/next-server";

/**
 * Upstream faults as the browser sees them through the proxy, against a server of its own whose
 * OpenAI provider points at test/support/fault-upstream.ts and whose Horay points at a dead port.
 * Already covered elsewhere and not repeated: the emulator's 500/429 pass-through, the Location
 * header withheld on a 3xx, the idle-timeout event, and that a client abort closes the upstream
 * socket (test/proxy-*.test.ts). The browser's rendering of a cut stream ("interrupted") is
 * e2e/playground-errors.spec.ts.
 */
let upstream: FaultUpstream;
let server: NextServer;
let deadPort: number;

beforeAll(async () => {
  upstream = await startFaultUpstream();
  deadPort = await freePort();
  server = await startNextServer({
    OPENAI_BASE_URL: upstream.baseUrl,
    OPENAI_API_KEY: "sk-faults",
    HORAY_BASE_URL: `http://127.0.0.1:${deadPort}/v1`,
    HORAY_API_KEY: "sk-faults",
    PLAYGROUND_UPSTREAM_TIMEOUT_S: "1",
    PLAYGROUND_STREAM_IDLE_TIMEOUT_S: "5",
  });
});
afterAll(async () => {
  await server?.stop();
  await upstream?.close();
});

const CHAT = "/api/proxy/openai/chat/completions";
const fault = (scenario: FaultScenario, stream = true) => fetchPartial(server.url, CHAT, faultBody(scenario, "t", stream));
const errorJson = (message: string, type: string, code: string) => ({ error: { message, type, param: null, code } });

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe("each upstream fault, exactly as the client sees it", () => {
  it("refused connection: 502 upstream_unreachable naming provider, host and errno", async () => {
    for (const stream of [false, true]) {
      const res = await fetchPartial(server.url, "/api/proxy/horay/chat/completions", faultBody("load", "x", stream));
      expect(res.status).toBe(502);
      expect(JSON.parse(res.body.toString())).toEqual(
        errorJson(
          `Could not reach Horay (127.0.0.1): ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:${deadPort}).`,
          "upstream_error",
          "upstream_unreachable",
        ),
      );
    }
  });

  it("never answers: 504 after the configured first-byte timeout (default 120 s), upstream socket closed", async () => {
    expect(readProxySettings({}).upstreamTimeoutMs).toBe(120_000);
    for (const res of await Promise.all([fault("hang", false), fault("hang", true)])) {
      expect(res.status).toBe(504);
      expect(res.ms).toBeGreaterThanOrEqual(950);
      expect(res.ms).toBeLessThan(5000);
      expect(JSON.parse(res.body.toString())).toEqual(
        errorJson("OpenAI (127.0.0.1) did not answer within 1 s.", "timeout_error", "upstream_timeout"),
      );
    }
    expect(await waitFor(() => upstream.openSockets() === 0, 2000), "the proxy left the hung socket open").toBe(true);
  });

  const broken = errorEvent(
    "OpenAI (127.0.0.1) closed the connection before the response was complete.",
    "upstream_error",
    "upstream_stream_broken",
  );

  it("half a stream, then the socket drops: the events that came, then one error event, then a clean end", async () => {
    const res = await fault("half");
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.body.toString()).toBe(halfEvents().join("") + broken);
  });

  it("cut in the middle of an event: a blank line first, so the error event is not glued to the fragment", async () => {
    const res = await fault("half-cut");
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(`${halfCutPrefix()}\n\n${broken}`);
  });

  it("a JSON body cut short: the bytes that came, and a connection that ends without completing", async () => {
    const res = await fault("half-json", false);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(HALF_JSON);
    expect(res.complete, "a cut JSON body must not look complete").toBe(false);
  });

  it("a data line that is not JSON is passed through unchanged (the proxy is truthful; the browser flags it)", async () => {
    const res = await fault("bad-line");
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.body.toString()).toBe(badLineEvents().join(""));
  });

  it("an event larger than 1 MB arrives whole, every byte", async () => {
    const res = await fault("big-event");
    const expected = Buffer.from(`${bigEvent()}data: [DONE]\n\n`);
    expect(expected.length).toBeGreaterThan(1024 * 1024);
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(expected.length);
    expect(res.body.equals(expected)).toBe(true);
  });

  it("a redirect comes back as the 302 it is and is not followed: its target sees no request", async () => {
    const res = await fault("redirect");
    expect(res.status).toBe(302);
    expect(res.headers["x-upstream-location"]).toBe(`${upstream.url}/target/v1/chat/completions`);
    expect(res.headers.location).toBeUndefined();
    expect(res.body.toString()).toBe("Found");
    expect(upstream.hits("/target/v1/chat/completions")).toBe(0);
  });

  it("200 with an HTML page is passed through as it is", async () => {
    const res = await fault("html");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body.toString()).toBe(HTML_PAGE);
  });

  it("accepted then reset before a byte: 502 upstream_unreachable", async () => {
    const res = await fault("reset");
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body.toString())).toEqual(
      errorJson("Could not reach OpenAI (127.0.0.1): ECONNRESET (socket hang up).", "upstream_error", "upstream_unreachable"),
    );
  });

  it("bytes that are not HTTP: 502 upstream_unreachable with the parser's complaint", async () => {
    const res = await fault("garbage");
    expect(res.status).toBe(502);
    const { error } = JSON.parse(res.body.toString()) as { error: { message: string; code: string } };
    expect(error.code).toBe("upstream_unreachable");
    expect(error.message).toMatch(/^Could not reach OpenAI \(127\.0\.0\.1\): HPE_/);
  });
});

/** Resident set of the server process in MB (Linux /proc; the server runs in the spawned process). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) / 1024;
}

const ROUND: FaultScenario[] = ["half", "half-cut", "half-json", "bad-line", "redirect", "html", "reset", "garbage", "big-event"];

/** `count` faults, `parallel` at a time, every one answered (no hang, no crash). */
async function faults(count: number, parallel: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const refused = i % 10 === 9;
      const res = refused
        ? await fetchPartial(server.url, "/api/proxy/horay/chat/completions", faultBody("load"))
        : await fault(ROUND[i % ROUND.length] ?? "half", i % 2 === 0);
      expect(res.status, `fault ${i}`).toBeGreaterThan(0);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

describe("after hundreds of faults", () => {
  // Cut non-SSE bodies make Next log "failed to pipe response" with a stack (its way of reporting
  // an errored body stream); that is a log line, not a crash: the process must stay up.
  it("the server is alive, healthy, holds no upstream sockets, and its memory stays bounded", async () => {
    const pid = server.pid;
    if (pid === undefined) throw new Error("server pid unknown");
    await faults(150, 8); // warm-up: JIT, caches and heap settle before the baseline
    await Promise.all(Array.from({ length: 10 }, () => fault("hang")));
    const before = rssMb(pid);
    const started = Date.now();
    await faults(600, 8);
    await Promise.all(Array.from({ length: 20 }, () => fault("hang")));
    const after = rssMb(pid);
    const growth = after - before;
    console.info(
      `[faults] 620 faults in ${Date.now() - started} ms; server RSS ${before.toFixed(1)} → ${after.toFixed(1)} MB (${growth >= 0 ? "+" : ""}${growth.toFixed(1)} MB)`,
    );
    // Generous: the V8 heap may grow before a major GC (measured: +12 MB). A per-fault leak of a
    // buffered 1.5 MB event, a socket or a stream would cross it within these 620 faults (the 60
    // big events among them alone are 90 MB).
    expect(growth).toBeLessThan(50);
    expect(process.kill(pid, 0)).toBe(true);
    expect((await fetchPartial(server.url, "/api/health")).status).toBe(200);
    expect(await waitFor(() => upstream.openSockets() === 0, 3000), `${upstream.openSockets()} upstream sockets left open`).toBe(true);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  }, 60_000);
});
