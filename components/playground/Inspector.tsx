"use client";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { RawRequest } from "../raw/RawRequest";
import { Tabs } from "../ui/Tabs";

// Everything but the first tab loads after the page: it is not needed for the first paint, and
// the page's first-load JavaScript has a budget (docs/benchmarks.md).
const MetricsPanel = lazy(() => import("./MetricsPanel").then((m) => ({ default: m.MetricsPanel })));
const RawResponse = lazy(() => import("../raw/RawResponse").then((m) => ({ default: m.RawResponse })));
const HistoryList = lazy(() => import("./HistoryList").then((m) => ({ default: m.HistoryList })));

const later = (node: ReactNode) => <Suspense fallback={<p className="text-xs text-zinc-500">Loading…</p>}>{node}</Suspense>;

/** Metrics, raw request, raw response and, in the playground, its history of runs, as tabs. */
export function Inspector({ history = true }: { history?: boolean }) {
  const [tab, setTab] = useState("request");
  return (
    <Tabs
      label="Run details"
      value={tab}
      onChange={setTab}
      className="rounded-lg border border-zinc-200 p-2 dark:border-zinc-800"
      items={[
        { id: "metrics", label: "Metrics", content: later(<MetricsPanel />) },
        { id: "request", label: "Raw request", content: <RawRequest /> },
        { id: "response", label: "Raw response", content: later(<RawResponse />) },
        ...(history ? [{ id: "history", label: "History", content: later(<HistoryList />) }] : []),
      ]}
    />
  );
}
