import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROFILES } from "../lib/providers/profiles";
import { providerEnv } from "./support/global-setup";
import { json, rawRequest } from "./support/http";
import { freePort, type NextServer, startNextServer } from "./support/next-server";

/**
 * Provider keys stay on the server. `npm test` (scripts/test.mjs) builds with every
 * `<ID>_API_KEY` set to a marker and records them in test-results/build-key-markers.json; this
 * proves the markers are in no file of the client bundle (`<distDir>/static`), nowhere else in the
 * build output either (env is read at runtime, so a key must not be baked into an image), in no
 * response of any route (errors included) of a server holding them as keys, and in no log line.
 */
const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const MARKERS_FILE = path.join(root, "test-results/build-key-markers.json");

interface MarkersFile {
  distDir: string;
  buildId: string;
  markers: Record<string, string>;
}

function readMarkers(): MarkersFile {
  const how = `Run \`npm test\` (its build step sets the markers), or build by hand the same way: see build() in scripts/test.mjs.`;
  if (!existsSync(MARKERS_FILE)) throw new Error(`${MARKERS_FILE} is missing: this build was not made with key markers. ${how}`);
  const file = JSON.parse(readFileSync(MARKERS_FILE, "utf8")) as MarkersFile;
  const buildId = readFileSync(path.join(root, distDir, "BUILD_ID"), "utf8").trim();
  if (file.distDir !== distDir || file.buildId !== buildId) {
    throw new Error(`${MARKERS_FILE} describes build ${file.buildId} in ${file.distDir}, not the current ${buildId} in ${distDir}. ${how}`);
  }
  return file;
}

const file = readMarkers();
const markers = Object.values(file.markers);
/** The random tag shared by all markers: a leak of any transformed fragment of a key still shows. */
const tag = markers[0]?.split("-").pop() ?? "";
const needles = [...new Set([...markers, tag, ...markers.map((m) => Buffer.from(m).toString("base64"))])];

function leaksIn(text: string): string[] {
  return needles.filter((n) => text.includes(n));
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

describe("the build", () => {
  it("was made with a marker for every provider key of the registry", () => {
    const keyEnvs = Object.values(PROFILES)
      .map((p) => p.keyEnv)
      .filter((k): k is string => k !== null);
    expect(Object.keys(file.markers).sort()).toEqual([...keyEnvs].sort());
    expect(tag).toMatch(/^[0-9a-f]{12}$/);
  });

  it("has no key in any file of the client bundle (<distDir>/static)", () => {
    const staticDir = path.join(root, distDir, "static");
    const scanned: string[] = [];
    const leaks: string[] = [];
    for (const f of filesUnder(staticDir)) {
      scanned.push(f);
      const found = leaksIn(readFileSync(f).toString("latin1"));
      if (found.length > 0) leaks.push(`${path.relative(root, f)}: ${found.join(", ")}`);
    }
    expect(scanned.filter((f) => f.endsWith(".js")).length, "no JavaScript in the client bundle?").toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it("has no key anywhere else in the build output either (server chunks, standalone, traces)", () => {
    const leaks: string[] = [];
    let bytes = 0;
    for (const f of filesUnder(path.join(root, distDir))) {
      if (f.includes(`${path.sep}cache${path.sep}`) || f.includes(`${path.sep}node_modules${path.sep}`)) continue;
      const size = statSync(f).size;
      if (size > 20 * 1024 * 1024) continue;
      bytes += size;
      const found = leaksIn(readFileSync(f).toString("latin1"));
      if (found.length > 0) leaks.push(`${path.relative(root, f)}: ${found.join(", ")}`);
    }
    expect(bytes).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});

describe("a server holding the markers as its keys", () => {
  const emulator = inject("emulatorUrl");
  let server: NextServer;
  let deadPort: number;

  beforeAll(async () => {
    deadPort = await freePort();
    // Real keys of the parent never reach this server (startNextServer cleans the environment).
    server = await startNextServer({
      ...providerEnv(emulator),
      ...file.markers,
      OPENAI_BASE_URL: `http://127.0.0.1:${deadPort}/v1`,
      PLAYGROUND_UPSTREAM_TIMEOUT_S: "2",
    });
  });
  afterAll(() => server?.stop());

  const chat = (model: string) => json({ model, messages: [{ role: "user", content: "hi" }], max_tokens: 3 });

  it("puts no key in any response, successes and errors alike, and none in its logs", async () => {
    const requests: { method: string; path: string; body?: string; headers?: Record<string, string> }[] = [
      { method: "GET", path: "/" },
      { method: "GET", path: "/signin" },
      { method: "GET", path: "/api/providers" },
      { method: "GET", path: "/api/health" },
      { method: "GET", path: "/api/local/v1/models" },
      { method: "POST", path: "/api/local/v1/chat/completions", body: chat("local-ngram") },
      { method: "GET", path: "/no-such-page" },
      { method: "GET", path: "/api/proxy/nope/models" },
      {
        method: "POST",
        path: "/api/proxy/custom/chat/completions",
        body: chat("x"),
        headers: { "x-upstream-base-url": "http://127.0.0.1:1/v1" },
      },
    ];
    for (const [id, profile] of Object.entries(PROFILES)) {
      for (const endpoint of profile.endpoints) {
        const p = `/api/proxy/${id}/${endpoint}`;
        if (endpoint === "models") requests.push({ method: "GET", path: p });
        else {
          const model = id === "local" ? "local-ngram" : (profile.models[0] ?? "m");
          for (const body of [
            chat(model),
            chat("emulator/500"),
            chat("emulator/429"),
            chat("emulator/redirect"),
            "{not json",
            json({ model, stream: true, messages: [{ role: "user", content: "hi" }] }),
          ]) {
            requests.push({ method: "POST", path: p, body });
          }
          requests.push({ method: "GET", path: p }); // 405
        }
      }
    }
    const leaks: string[] = [];
    const statuses = new Set<number>();
    for (const r of requests) {
      const res = await rawRequest(server.url, {
        method: r.method,
        path: r.path,
        body: r.body,
        headers: { "content-type": "application/json", ...r.headers },
      });
      statuses.add(res.status);
      const found = leaksIn(`${JSON.stringify(res.headers)}\n${res.body.toString("latin1")}`);
      if (found.length > 0) leaks.push(`${r.method} ${r.path} (${res.status}): ${found.join(", ")}`);
    }
    // The run covered successes, client errors and gateway errors.
    expect([...statuses].some((s) => s === 200)).toBe(true);
    expect([...statuses].some((s) => s >= 400 && s < 500)).toBe(true);
    expect([...statuses].some((s) => s >= 500)).toBe(true);
    expect(leaks).toEqual([]);
    expect(leaksIn(server.output())).toEqual([]);
  }, 60_000);
});
