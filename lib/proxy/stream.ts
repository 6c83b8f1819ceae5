import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiErrorType } from "../errors";

export interface RelayOptions {
  /** Longest silence allowed from the upstream while the browser is keeping up. */
  idleTimeoutMs: number;
  /** SSE bodies end with an error event; other bodies can only be cut. */
  eventStream: boolean;
  idleMessage: string;
  brokenMessage: string;
  /** Destroys the upstream request (and so its socket). */
  destroy: () => void;
}

/**
 * The event appended when an upstream stream is cut, in OpenAI's error shape so SDKs that parse
 * `data: {"error": …}` raise it. Exactly:
 * `data: {"error":{"message":"…","type":"timeout_error","param":null,"code":"stream_idle_timeout"}}`
 * (or type `upstream_error`, code `upstream_stream_broken`), followed by a blank line.
 */
export function errorEvent(message: string, type: ApiErrorType, code: string): string {
  return `data: ${JSON.stringify({ error: { message, type, param: null, code } })}\n\n`;
}

/** Blank-line terminator needed so the error event does not glue onto a half-sent event. */
function eventSeparator(tail: string): string {
  if (tail.endsWith("\n\n") || tail.endsWith("\r\n\r\n") || tail === "") return "";
  return tail.endsWith("\n") ? "\n" : "\n\n";
}

/**
 * Copies the upstream body to the browser, as it comes and unchanged. Paused-mode reads: each
 * `readable` takes everything buffered in one `read()` and sends it in one `write`, so a burst
 * of small upstream writes costs one syscall, not one per chunk. When the browser's socket is
 * full, reading stops until `drain`, and TCP holds the upstream back; nothing piles up here.
 * One idle timer per stream, refreshed on data; it does not fire while the proxy is waiting for
 * the browser, since a slow reader is not a silent upstream. The browser going away destroys
 * the upstream (see openUpstream); here it only stops the relay.
 */
export function relayBody(upstream: IncomingMessage, browser: ServerResponse, options: RelayOptions): void {
  let tail = "";
  let done = false;
  let waitingForBrowser = false;

  const finish = () => {
    done = true;
    clearTimeout(timer);
    upstream.off("readable", pump).off("end", onEnd).off("error", onBroken).off("close", onBroken);
    browser.off("drain", onDrain).off("close", finish);
  };
  const cut = (message: string, type: ApiErrorType, code: string) => {
    if (done) return;
    finish();
    options.destroy();
    if (!options.eventStream) return void browser.destroy();
    browser.end(eventSeparator(tail) + errorEvent(message, type, code));
  };
  const onIdle = () => {
    if (!waitingForBrowser) cut(options.idleMessage, "timeout_error", "stream_idle_timeout");
  };
  const onBroken = () => cut(options.brokenMessage, "upstream_error", "upstream_stream_broken");
  const onEnd = () => {
    if (done) return;
    finish();
    browser.end();
  };
  function pump() {
    if (done || waitingForBrowser) return;
    const batch = upstream.read() as Buffer | null;
    if (batch === null) return;
    timer.refresh();
    if (options.eventStream) tail = (tail + batch.toString("latin1", Math.max(0, batch.length - 4))).slice(-4);
    if (!browser.write(batch)) waitingForBrowser = true;
  }
  function onDrain() {
    waitingForBrowser = false;
    timer.refresh();
    pump();
  }

  const timer = setTimeout(onIdle, options.idleTimeoutMs);
  upstream.on("readable", pump).on("end", onEnd).on("error", onBroken).on("close", onBroken);
  browser.on("drain", onDrain).once("close", finish);
}
