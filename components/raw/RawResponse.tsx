"use client";
import { useState } from "react";
import { useColumnRun } from "../playground/context";
import type { RunView } from "@/lib/run/schema";
import { CopyButton } from "../ui/CopyButton";
import { EventList } from "./EventList";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function prettyText(text: string): string {
  try {
    return pretty(JSON.parse(text));
  } catch {
    return text;
  }
}

/** Status and headers, then the body: pretty JSON, or the SSE events with arrival times and the assembled object. */
export function RawResponse() {
  const { view } = useColumnRun();
  return (
    <section aria-label="Raw response" className="flex flex-col gap-2 text-sm">
      {!view ? <p className="text-sm text-zinc-500">No response yet.</p> : <ResponseBody view={view} />}
    </section>
  );
}

function ResponseBody({ view }: { view: RunView }) {
  const [showFinal, setShowFinal] = useState(true);
  const headerText = view.responseHeaders.map(([k, v]) => `${k}: ${v}`).join("\n");
  const finished = view.state !== "running";
  const statusLine = view.status === null ? (finished ? "no response" : "waiting…") : `HTTP ${view.status} ${view.statusText}`.trim();
  return (
    <>
      <p className="font-mono text-xs">
        <span className="font-semibold">{statusLine}</span>
        {view.upstreamUrl && <span className="text-zinc-500"> · from {view.upstreamUrl}</span>}
      </p>
      <div>
        <div className="flex items-center justify-between">
          <h3 className="text-xs font-semibold">Headers</h3>
          <CopyButton label="Copy response headers" text={headerText} />
        </div>
        <pre className="max-h-40 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">{headerText || "–"}</pre>
      </div>
      {view.streamed ? (
        <>
          <div className="flex items-center justify-between">
            <h3 className="text-xs font-semibold">
              SSE events ({view.eventCount}){!finished && " · receiving…"}
            </h3>
            <CopyButton
              label="Copy SSE events"
              text={() => view.events.slice(0, view.eventCount).map((e) => `${e.event ? `event: ${e.event}\n` : ""}data: ${e.data}\n`).join("\n")}
            />
          </div>
          <EventList events={view.events} count={view.eventCount} />
          {finished && (
            <div>
              <div className="flex items-center justify-between">
                <label className="flex items-center gap-1 text-xs font-semibold">
                  <input type="checkbox" checked={showFinal} onChange={(e) => setShowFinal(e.target.checked)} />
                  Assembled final object
                </label>
                <CopyButton label="Copy assembled object" text={() => pretty(view.final)} />
              </div>
              {showFinal && <pre className="max-h-96 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900">{pretty(view.final)}</pre>}
            </div>
          )}
        </>
      ) : (
        <div>
          <div className="flex items-center justify-between">
            <h3 className="text-xs font-semibold">Body</h3>
            <CopyButton label="Copy response body" text={view.bodyText ?? ""} />
          </div>
          <pre className="max-h-[32rem] overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-900">
            {view.bodyText === null ? (finished ? "–" : "waiting…") : prettyText(view.bodyText)}
          </pre>
        </div>
      )}
    </>
  );
}
