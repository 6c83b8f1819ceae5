"use client";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import type { ShareLinkOnLoad } from "./useShareLinkOnLoad";

/** What a share link on load shows: the question before replacing the session, or why it failed. */
export function ShareLinkNotice({ state, replace, keep, dismiss }: ShareLinkOnLoad) {
  if (state.status === "error") {
    return (
      <div
        role="alert"
        className="fixed inset-x-0 top-3 z-50 mx-auto flex w-[min(40rem,calc(100vw-2rem))] items-start gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 shadow-lg dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <p className="flex-1">This share link could not be opened: {state.message}</p>
        <Button size="sm" variant="ghost" onClick={dismiss}>
          Dismiss
        </Button>
      </div>
    );
  }
  return (
    <Dialog open={state.status === "ask"} onClose={keep} title="Open shared session">
      {state.status === "ask" && (
        <>
          <p className="text-sm">This link holds a session. Opening it replaces what is on screen now; your key stays as it is.</p>
          <ul aria-label="Shared session" className="rounded-md bg-zinc-100 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">
            {state.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of lines, never reordered
              <li key={i}>{line}</li>
            ))}
          </ul>
          <div className="flex justify-end gap-2">
            <Button onClick={keep}>Keep my session</Button>
            <Button variant="primary" onClick={replace}>
              Replace my session
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
