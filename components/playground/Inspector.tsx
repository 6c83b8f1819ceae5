"use client";
import { useState } from "react";
import { RawRequest } from "../raw/RawRequest";
import { RawResponse } from "../raw/RawResponse";
import { Tabs } from "../ui/Tabs";
import { HistoryList } from "./HistoryList";
import { MetricsPanel } from "./MetricsPanel";

/** Metrics, raw request, raw response and history of runs, as tabs. */
export function Inspector() {
  const [tab, setTab] = useState("request");
  return (
    <Tabs
      label="Run details"
      value={tab}
      onChange={setTab}
      className="rounded-lg border border-zinc-200 p-2 dark:border-zinc-800"
      items={[
        { id: "metrics", label: "Metrics", content: <MetricsPanel /> },
        { id: "request", label: "Raw request", content: <RawRequest /> },
        { id: "response", label: "Raw response", content: <RawResponse /> },
        { id: "history", label: "History", content: <HistoryList /> },
      ]}
    />
  );
}
