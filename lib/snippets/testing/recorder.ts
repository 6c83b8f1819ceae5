import { execFile } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as it reached the recording server. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Test-only stand-in for a provider: records every request and answers like an OpenAI server. */
export interface Recorder {
  baseUrl: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export const ANSWER = "Recorded answer ✓";

export async function startRecorder(): Promise<Recorder> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      answer(req.url ?? "", body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function answer(url: string, body: Buffer, res: import("node:http").ServerResponse): void {
  let stream = false;
  try {
    stream = (JSON.parse(body.toString("utf8")) as { stream?: unknown }).stream === true;
  } catch {
    // A body that is not JSON still gets an answer; the test then fails on the recorded bytes.
  }
  const chat = url.endsWith("/chat/completions");
  const base = { id: "rec-1", created: 1, model: "m" };
  if (stream) {
    res.writeHead(200, { "content-type": "text/event-stream" });
    for (const piece of [ANSWER.slice(0, 9), ANSWER.slice(9)]) {
      const choice = chat ? { index: 0, delta: { content: piece }, finish_reason: null } : { index: 0, text: piece, finish_reason: null };
      res.write(`data: ${JSON.stringify({ ...base, object: chat ? "chat.completion.chunk" : "text_completion", choices: [choice] })}\n\n`);
    }
    res.end("data: [DONE]\n\n");
    return;
  }
  const choice = chat
    ? { index: 0, message: { role: "assistant", content: ANSWER }, finish_reason: "stop" }
    : { index: 0, text: ANSWER, finish_reason: "stop" };
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ ...base, object: chat ? "chat.completion" : "text_completion", choices: [choice] }));
}

/** Runs a program without blocking this process (the recorder answers from the same event loop). */
export function run(
  file: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { env: options.env ?? process.env, cwd: options.cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
