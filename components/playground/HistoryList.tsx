"use client";
import { PROFILES } from "@/lib/providers";
import { Button } from "../ui/Button";
import { useRunContext } from "./context";

/** Past runs with their raw request and response; opening one restores its session. */
export function HistoryList() {
  const { history, openHistory, forgetHistory, running } = useRunContext();
  return (
    <section aria-label="History" className="flex flex-col gap-2">
      {history.length === 0 ? (
        <p className="text-sm text-zinc-500">Runs you make are kept here (in this browser, without keys).</p>
      ) : (
        <>
          <div className="flex justify-end">
            <Button size="sm" variant="ghost" onClick={() => forgetHistory(null)}>
              Forget all runs
            </Button>
          </div>
          <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
            {history.map((h) => (
              <li key={h.id} className="flex items-center gap-2 py-1 text-sm">
                <Button
                  size="sm"
                  onClick={() => openHistory(h)}
                  disabled={running}
                  aria-label={`Open run of ${new Date(h.at).toLocaleString()}`}
                >
                  Open
                </Button>
                <span className="shrink-0 font-mono text-xs text-zinc-500">{new Date(h.at).toLocaleTimeString()}</span>
                <span className="shrink-0 text-xs">
                  {PROFILES[h.session.providerId].name} · {h.session.model}
                </span>
                <span className={`shrink-0 text-xs ${h.state === "error" ? "text-red-600" : "text-zinc-500"}`}>{h.status ?? h.state}</span>
                <span className="min-w-0 truncate text-xs text-zinc-600 dark:text-zinc-400">{h.preview}</span>
                <Button size="sm" variant="ghost" className="ml-auto" onClick={() => forgetHistory(h.id)} aria-label="Forget this run">
                  ✕
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
