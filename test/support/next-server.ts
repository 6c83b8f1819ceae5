import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * Starts the app's production server (`npm start`'s dist/server.mjs: the proxy on node:http,
 * Next for the rest) on the build in NEXT_DIST_DIR (default `.next`) with a clean environment:
 * the parent's provider keys and playground switches never leak into a test server.
 */
export interface NextServer {
  url: string;
  /** The server process, for reading its memory in /proc (the server runs in it, no fork). */
  pid: number | undefined;
  output: () => string;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");
/** What `npm run build` makes of server/main.ts. */
export const SERVER_ENTRY = "dist/server.mjs";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function cleanEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/_API_KEY$|_BASE_URL$|^PLAYGROUND_/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs} ms`);
}

export async function startNextServer(env: Record<string, string>): Promise<NextServer> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}/. Run \`NEXT_DIST_DIR=${distDir} npm run build\` first (npm test does it).`);
  }
  if (!existsSync(path.join(root, SERVER_ENTRY))) {
    throw new Error(`No ${SERVER_ENTRY}. Run \`npm run build\` (or \`node scripts/build-server.mjs\`) first.`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_ENTRY, "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: cleanEnv({ ...env, NEXT_DIST_DIR: distDir }) as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3000).unref();
    });
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, pid: child.pid, output: () => output, stop };
}
