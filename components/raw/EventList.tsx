"use client";
import type { RawEvent } from "@/lib/run/run";
import { VirtualList } from "../ui/VirtualList";

const ROW = 22;

/** The SSE events as received, one fixed-height row each, virtualised: 20,000 events stay cheap. */
export function EventList({ events, count }: { events: RawEvent[]; count: number }) {
  return (
    <VirtualList
      label="SSE events"
      count={count}
      rowHeight={ROW}
      height={320}
      renderRow={(i) => {
        const e = events[i];
        if (!e) return null;
        return (
          <div
            className={`flex h-full items-center gap-2 border-b border-zinc-100 px-2 font-mono text-xs dark:border-zinc-900 ${e.ok ? "" : "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200"}`}
            title={e.data}
          >
            <span className="w-16 shrink-0 text-right text-zinc-500">{e.t.toFixed(1)} ms</span>
            {e.event && <span className="shrink-0 text-indigo-600">{e.event}</span>}
            <span className="truncate">{e.data}</span>
            {!e.ok && <span className="shrink-0 font-semibold">not JSON</span>}
          </div>
        );
      }}
    />
  );
}
