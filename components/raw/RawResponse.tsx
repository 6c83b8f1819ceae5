"use client";
import { useState } from "react";
import { useColumnRun } from "../playground/context";
import type { RunView } from "@/lib/run/schema";
import { prettyJson } from "@/lib/pretty-json";
import { CopyButton } from "../ui/CopyButton";
import { CopyHeading } from "../ui/CopyHeading";
import { EventList } from "./EventList";
import { RawText } from "./RawText";

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

const prettyText = (text: string) => prettyJson(text) ?? text;

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
        <CopyHeading title="Headers" copyLabel="Copy response headers" copyText={headerText} />
        <RawText className="max-h-40">{headerText || "–"}</RawText>
      </div>
      {view.streamed ? (
        <>
          <CopyHeading
            title={
              <>
                SSE events ({view.eventCount}){!finished && " · receiving…"}
              </>
            }
            copyLabel="Copy SSE events"
            copyText={() =>
              view.events
                .slice(0, view.eventCount)
                .map((e) => `${e.event ? `event: ${e.event}\n` : ""}data: ${e.data}\n`)
                .join("\n")
            }
          />
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
              {showFinal && <RawText className="max-h-96">{pretty(view.final)}</RawText>}
            </div>
          )}
        </>
      ) : (
        <div>
          <CopyHeading title="Body" copyLabel="Copy response body" copyText={view.bodyText ?? ""} />
          <RawText className="max-h-[32rem] break-all whitespace-pre-wrap">
            {view.bodyText === null ? (finished ? "–" : "waiting…") : prettyText(view.bodyText)}
          </RawText>
        </div>
      )}
    </>
  );
}
