"use client";
import { computeMetrics } from "@/lib/stream/metrics";
import { useColumnRun } from "./context";

const ms = (v: number | null) => (v === null ? "–" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const num = (v: number | null) => (v === null ? "–" : String(v));

/** Per run: time to first token (of reasoning, of the answer), reasoning length, total time, tokens/s, usage, HTTP status, upstream URL. */
export function MetricsPanel() {
  const { view } = useColumnRun();
  return (
    <section aria-label="Metrics">{!view ? <p className="text-sm text-zinc-500">No run yet.</p> : <MetricsTable view={view} />}</section>
  );
}

function MetricsTable({ view }: { view: NonNullable<ReturnType<typeof useColumnRun>["view"]> }) {
  const m = computeMetrics(view);
  const rows: [string, string][] = [
    ["Time to first token", ms(m.ttftMs)],
    ["Time to first reasoning token", ms(m.reasoningTtftMs)],
    ["Time to first answer token", ms(m.answerTtftMs)],
    ["Reasoning length", m.reasoningChars === null ? "–" : `${m.reasoningChars} characters`],
    ["Total time", view.state === "running" ? "running…" : ms(m.totalMs)],
    ["Tokens/s", m.tokensPerSecond === null ? "–" : `${m.tokensPerSecond}${m.tokenSource === "chunks" ? " (counted from chunks)" : ""}`],
    ["Prompt tokens", num(m.promptTokens)],
    ["Completion tokens", num(m.completionTokens)],
    ["Total tokens", num(m.totalTokens)],
    ["HTTP status", m.status === null ? "–" : `${m.status}${view.statusText ? ` ${view.statusText}` : ""}`],
    ["Upstream URL", m.upstreamUrl ?? "–"],
    ["Upstream time (Server-Timing)", ms(m.upstreamMs)],
    ["Streamed", view.streamed ? `yes, ${view.eventCount} events` : "no"],
  ];
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-zinc-500">{k}</dt>
          <dd className="font-mono break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
