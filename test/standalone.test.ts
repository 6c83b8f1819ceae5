import { type ChildProcess, spawn } from "node:child_process";
import { builtinModules } from "node:module";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, rawRequest } from "./support/http";
import { freePort } from "./support/next-server";

/**
 * The Dockerfile, checked without a Docker engine: its final stage is read, the files it copies
 * from the build stage are copied the same way into a fresh directory outside the repository,
 * and its CMD is run there with its ENV, except that the server binds to 127.0.0.1 on a free
 * port. The build stage's `npm run build` is the build under test (`<distDir>`, `.next` in the
 * image, without its cache). One stand-in: node_modules, which the image gets from
 * `npm prune --omit=dev`, is a link to the repository's (installing offline is not possible
 * here); that the server needs no more than the runtime dependencies is checked on its imports.
 */
const root = path.resolve(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";

interface Stage {
  from: string;
  instructions: { op: string; args: string }[];
}

function stages(dockerfile: string): Stage[] {
  const lines = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const out: Stage[] = [];
  for (const line of lines) {
    const [op = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (op.toUpperCase() === "FROM") out.push({ from: args, instructions: [] });
    else out[out.length - 1]?.instructions.push({ op: op.toUpperCase(), args });
  }
  return out;
}

interface Copy {
  from: string;
  src: string;
  dst: string;
}

function finalStage() {
  const all = stages(readFileSync(path.join(root, "Dockerfile"), "utf8"));
  const last = all[all.length - 1];
  if (!last) throw new Error("Dockerfile has no FROM");
  const of = (op: string) => last.instructions.filter((i) => i.op === op).map((i) => i.args);
  const copies: Copy[] = of("COPY").map((args) => {
    const words = args.split(/\s+/);
    const from = words.find((w) => w.startsWith("--from="))?.slice(7) ?? "";
    const [src = "", dst = ""] = words.filter((w) => !w.startsWith("--"));
    return { from, src, dst };
  });
  const env: Record<string, string> = {};
  for (const args of of("ENV")) for (const [, k, v] of args.matchAll(/(\w+)=(\S+)/g)) if (k && v) env[k] = v;
  const cmd = JSON.parse(of("CMD").at(-1) ?? "[]") as string[];
  const buildStage = all.at(-2)?.instructions ?? [];
  const buildWorkdir = buildStage.filter((i) => i.op === "WORKDIR").at(-1)?.args ?? "/";
  const buildRuns = buildStage.filter((i) => i.op === "RUN").map((i) => i.args);
  return { copies, env, cmd, user: of("USER").at(-1), buildWorkdir, buildRuns };
}

/** `.next/...` in the image is `<distDir>/...` here: the same build, in this run's folder. */
const local = (p: string) => p.replace(/^(\.\/)?\.next(?=\/|$)/, `$1${distDir}`);
const SERVER = "dist/server.mjs";

const docker = finalStage();
let dir: string;
let child: ChildProcess | undefined;
let url: string;
let output = "";

beforeAll(async () => {
  if (!existsSync(path.join(root, SERVER))) throw new Error(`${SERVER} is missing: run \`npm run build\` first.`);
  dir = mkdtempSync(path.join(os.tmpdir(), "playground-image-"));
  for (const c of docker.copies) {
    const src = path.join(root, local(path.posix.relative(docker.buildWorkdir, c.src)));
    const dst = path.join(dir, c.dst);
    if (c.dst.replace(/^\.\//, "") === "node_modules") symlinkSync(src, dst, "dir");
    else cpSync(src, dst, { recursive: true, filter: (p) => !p.startsWith(path.join(src, "cache")) });
  }
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const [cmd = "", ...args] = docker.cmd;
  // No provider keys or playground switches from the parent: the image starts with none either.
  const env: NodeJS.ProcessEnv = { NODE_ENV: "production", PATH: process.env.PATH, HOME: dir, NEXT_TELEMETRY_DISABLED: "1" };
  const server = spawn(cmd === "node" ? process.execPath : cmd, args, {
    cwd: dir,
    env: { ...env, ...docker.env, HOSTNAME: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = server;
  server.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  server.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`${SERVER} exited with ${server.exitCode}:\n${output}`);
    const ok = await rawRequest(url, { path: "/api/health" }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${SERVER} did not answer /api/health within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child?.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the Dockerfile", () => {
  it("runs the built server as a non-root user with the build, the runtime dependencies and the config", () => {
    expect(docker.user, "the final stage sets no USER").toBeDefined();
    expect(["root", "0", "0:0"]).not.toContain(docker.user);
    const pairs = docker.copies.map((c) => `${c.from}:${c.src} -> ${c.dst}`);
    for (const file of ["package.json", "next.config.js", "node_modules", "dist", ".next"]) {
      expect(pairs).toContain(`build:/app/${file} -> ./${file}`);
    }
    expect(docker.cmd).toEqual(["node", SERVER]);
    expect(docker.env).toMatchObject({ NODE_ENV: "production", PORT: "3000" });
    const build = docker.buildRuns.join(" && ");
    expect(build).toContain("npm run build");
    expect(build, "the image would carry the dev dependencies").toContain("npm prune --omit=dev");
    expect(build, "the image would carry the build cache").toContain("rm -rf .next/cache");
  });

  it("ships a server that imports nothing but node's modules and the runtime dependencies", () => {
    const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const code = readFileSync(path.join(root, SERVER), "utf8");
    const specifiers = [...code.matchAll(/^import\s[^"']*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2] ?? "");
    expect(specifiers).toContain("next");
    const packages = specifiers.map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : (s.split("/")[0] ?? "")));
    const foreign = packages.filter((p) => !p.startsWith("node:") && !builtinModules.includes(p) && !(p in pkg.dependencies));
    expect(foreign).toEqual([]);
  });
});

describe("the server, copied and started as the image does", () => {
  it("answers /api/health and the page, and serves the client bundle it references", async () => {
    expect((await rawRequest(url, { path: "/api/health" })).status).toBe(200);
    const page = await rawRequest(url, { path: "/" });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const assets = [...page.text.matchAll(/\/_next\/static\/[^"'\s)]+\.(?:js|css)/g)].map((m) => m[0]);
    expect(assets.length, "the page references no /_next/static asset").toBeGreaterThan(0);
    for (const asset of new Set(assets)) expect((await rawRequest(url, { path: asset })).status, asset).toBe(200);
  });

  it("completes a chat through the proxy with the built-in local provider", async () => {
    const res = await rawRequest(url, {
      method: "POST",
      path: "/api/proxy/local/chat/completions",
      headers: { "content-type": "application/json" },
      body: json({ model: "local-ngram", max_tokens: 5, messages: [{ role: "user", content: "Hello" }] }),
    });
    expect(res.status, res.text).toBe(200);
    const body = JSON.parse(res.text) as { choices: { message: { content: string } }[] };
    expect(typeof body.choices[0]?.message.content).toBe("string");
    expect(output).not.toMatch(/error/i);
  });
});
