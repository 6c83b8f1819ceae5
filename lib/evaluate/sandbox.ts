import type { ExpressionOutcome } from "./check";

/**
 * JavaScript-expression assertions run here: in a dedicated Web Worker made from a Blob, never
 * with eval on the page. A worker has no window, document or localStorage to begin with; before
 * the user's code runs, the prelude below also takes away every way out that a worker has
 * (fetch, XMLHttpRequest, WebSocket, EventSource, importScripts, IndexedDB, the Cache API,
 * navigator with its storage, BroadcastChannel, nested workers) and every way to turn a
 * string into code (Function and its async/generator cousins, eval, setTimeout with a string),
 * since code made at run time could use `import()`, which no property can switch off. The page
 * also refuses `import` in the expression's text. A run longer than the time limit is stopped
 * with worker.terminate(), which ends even an endless loop.
 *
 * The app sends no Content-Security-Policy; one added later must allow `worker-src blob:`.
 */
export const EXPRESSION_TIME_LIMIT_MS = 1000;
/** Starting a worker on a busy machine can take a while; that time is not the expression's. */
const STARTUP_LIMIT_MS = 15_000;
export const SCOPE_NAMES = ["output", "json", "vars", "response", "expected"] as const;

const BLOCKED = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "indexedDB",
  "IDBFactory",
  "caches",
  "CacheStorage",
  "navigator",
  "WorkerNavigator",
  "StorageManager",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "FileSystemHandle",
  "FileSystemDirectoryHandle",
  "FileSystemFileHandle",
  "Request",
  "Response",
  "postMessage",
  "close",
  "onmessage",
  "Function",
  "eval",
];

/** The worker's whole program: prelude, the compiled expression, the result posted once (`compileOnly`: true once it compiles, without running it). */
export function workerSource(code: string, scope: Readonly<Record<string, unknown>>, compileOnly = false): string {
  const args = SCOPE_NAMES.map((n) => JSON.stringify(n)).join(", ");
  const values = SCOPE_NAMES.map((n) => `scope[${JSON.stringify(n)}]`).join(", ");
  return `"use strict";
(() => {
  const post = self.postMessage.bind(self);
  const code = ${JSON.stringify(code)};
  const scope = ${JSON.stringify(scope) ?? "{}"};
  post({ ready: true });
  if (/\\bimport\\b/.test(code)) return post({ ok: false, error: "The expression may not use import." });
  let fn;
  try {
    fn = new Function(${args}, '"use strict";\\nreturn (' + code + "\\n);");
  } catch (e) {
    return post({ ok: false, error: "The expression does not compile: " + (e && e.message) });
  }
  if (${compileOnly}) return post({ ok: true, value: true });
  const blocked = ${JSON.stringify(BLOCKED)};
  for (let o = self; o; o = Object.getPrototypeOf(o)) {
    for (const k of blocked) {
      try { if (Object.getOwnPropertyDescriptor(o, k)) delete o[k]; } catch {}
    }
  }
  for (const k of blocked) {
    try { Object.defineProperty(self, k, { value: undefined, writable: false, configurable: false }); } catch {}
  }
  const makers = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const f of makers) {
    try { Object.defineProperty(Object.getPrototypeOf(f), "constructor", { value: undefined, writable: false, configurable: false }); } catch {}
  }
  for (const name of ["setTimeout", "setInterval"]) {
    const real = self[name];
    self[name] = (f, ...rest) => (typeof f === "function" ? real(f, ...rest) : undefined);
  }
  let value;
  try {
    value = fn.call(undefined, ${values});
  } catch (e) {
    return post({ ok: false, error: "The expression threw: " + (e && e.message ? e.message : String(e)) });
  }
  try {
    post({ ok: true, value });
  } catch {
    post({ ok: true, value: String(value) });
  }
})();
`;
}

type WorkerReply = { ready: true } | ExpressionOutcome;

/** Runs one expression over the scope in a fresh worker; resolves (never rejects) with its value or why not. */
export function runInSandbox(
  code: string,
  scope: Readonly<Record<string, unknown>>,
  timeoutMs = EXPRESSION_TIME_LIMIT_MS,
  compileOnly = false,
): Promise<ExpressionOutcome> {
  return new Promise((resolve) => {
    let url: string;
    let worker: Worker;
    try {
      url = URL.createObjectURL(new Blob([workerSource(code, scope, compileOnly)], { type: "text/javascript" }));
      worker = new Worker(url);
    } catch (e) {
      resolve({ ok: false, error: `The sandbox could not start: ${(e as Error).message}` });
      return;
    }
    let timer = setTimeout(() => finish({ ok: false, error: "The sandbox did not start in time." }), STARTUP_LIMIT_MS);
    const finish = (outcome: ExpressionOutcome) => {
      clearTimeout(timer);
      worker.terminate();
      URL.revokeObjectURL(url);
      resolve(outcome);
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const data = e.data;
      if ("ready" in data) {
        clearTimeout(timer);
        timer = setTimeout(
          () => finish({ ok: false, error: `The expression ran longer than ${timeoutMs} ms and was stopped.` }),
          timeoutMs,
        );
        return;
      }
      finish(data.ok ? { ok: true, value: data.value } : { ok: false, error: String(data.error) });
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish({ ok: false, error: `The expression failed: ${e.message}` });
    };
  });
}

/** Whether an expression compiles (checked in the sandbox, never on the page): null, or why not. */
export async function expressionSyntaxProblem(code: string): Promise<string | null> {
  const r = await runInSandbox(code, {}, EXPRESSION_TIME_LIMIT_MS, true);
  return r.ok ? null : r.error;
}
