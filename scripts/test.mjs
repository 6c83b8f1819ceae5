// `npm test`: every check and every test runner in order, then one line summing them all.
// Lint, typecheck and the production build count as one test each, so a broken build is a failure
// in the total, not a silent skip. Set SKIP_BUILD=1 to reuse an existing build.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";

const bin = (name) => `node_modules/.bin/${name}`;
const results = [];
mkdirSync("test-results", { recursive: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  console.log(`=== ${label}: ${ok ? "ok" : `failed (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok;
}

function check(label, cmd, args, env) {
  const ok = run(label, cmd, args, env);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

// The build runs with every provider key set to a marker, so test/keys.test.ts can prove that no
// key ends up in the client bundle. The list mirrors the registry's keyEnv values; keys.test.ts
// fails if a provider is added to the registry and not here.
const KEY_MARKERS_FILE = "test-results/build-key-markers.json";
function keyMarkers() {
  const tag = randomBytes(6).toString("hex");
  const ids = ["neyra", "horay", "avangenio", "netmind", "telnyx", "openai"];
  return Object.fromEntries(ids.map((id) => [`${id.toUpperCase()}_API_KEY`, `sk-keymarker-${id}-${tag}`]));
}

function build() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const markers = keyMarkers();
  rmSync(KEY_MARKERS_FILE, { force: true });
  const ok = check("build", "npm", ["run", "build"], markers);
  if (ok)
    writeFileSync(
      KEY_MARKERS_FILE,
      `${JSON.stringify({ distDir, buildId: readFileSync(`${distDir}/BUILD_ID`, "utf8").trim(), markers }, null, 2)}\n`,
    );
  return ok;
}

// `check` is lint and the formatter together: an unformatted file fails `npm test`.
check("lint and format", bin("biome"), ["check", "."]);
check("typecheck", bin("tsc"), ["--noEmit"]);
const built = process.env.SKIP_BUILD === "1" && existsSync(".next/BUILD_ID") ? true : build();

const vitestOk = run("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"]);
const v = readJson("test-results/vitest.json");
results.push({
  label: "vitest",
  passed: v?.numPassedTests ?? 0,
  failed: v ? v.numFailedTests + (vitestOk || v.numFailedTests > 0 ? 0 : 1) : 1,
});

if (built) {
  run("playwright", bin("playwright"), ["test"]);
  const p = readJson("test-results/playwright.json");
  results.push({
    label: "playwright",
    passed: p ? p.stats.expected + p.stats.flaky : 0,
    failed: p ? p.stats.unexpected + (p.errors?.length ?? 0) : 1,
  });
} else {
  results.push({ label: "playwright (not run: no build)", passed: 0, failed: 1 });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log("");
for (const r of results) console.log(`  ${r.label}: ${r.passed} passed, ${r.failed} failed`);
const line = `${passed} passed, ${failed} failed`;
writeFileSync("test-results/summary.txt", `${line}\n`);
console.log(line);
process.exit(failed === 0 ? 0 : 1);
