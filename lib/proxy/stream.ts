import type { IncomingMessage } from "node:http";
import type { ApiErrorType } from "../errors";

export interface BodyStreamOptions {
  /** Longest silence allowed while the browser is waiting for the next chunk. */
  idleTimeoutMs: number;
  /** SSE bodies end with an error event; other bodies can only be cut. */
  eventStream: boolean;
  idleMessage: string;
  brokenMessage: string;
  /** Destroys the upstream request (and so its socket). */
  destroy: () => void;
}

const encoder = new TextEncoder();

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
 * Turns the upstream body into a web stream that reads one chunk per `pull`, so nothing is
 * buffered beyond what the browser has asked for and every chunk goes out as soon as it came.
 * `cancel` (Next stops reading because the browser went away) destroys the upstream socket.
 */
export function upstreamBodyStream(upstream: IncomingMessage, options: BodyStreamOptions): ReadableStream<Uint8Array> {
  const chunks = upstream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let tail = "";

  const end = (controller: ReadableStreamDefaultController<Uint8Array>, message: string, type: ApiErrorType, code: string) => {
    options.destroy();
    if (!options.eventStream) return controller.error(new Error(message));
    controller.enqueue(encoder.encode(eventSeparator(tail) + errorEvent(message, type, code)));
    controller.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: NodeJS.Timeout | undefined;
        const idle = new Promise<"idle">((resolve) => {
          timer = setTimeout(() => resolve("idle"), options.idleTimeoutMs);
        });
        const next = chunks.next();
        try {
          const result = await Promise.race([next, idle]);
          if (result === "idle") {
            next.catch(() => undefined);
            return end(controller, options.idleMessage, "timeout_error", "stream_idle_timeout");
          }
          if (result.done) return controller.close();
          const chunk = result.value;
          tail = (tail + chunk.toString("latin1")).slice(-4);
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        } catch {
          end(controller, options.brokenMessage, "upstream_error", "upstream_stream_broken");
        } finally {
          clearTimeout(timer);
        }
      },
      cancel() {
        options.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
