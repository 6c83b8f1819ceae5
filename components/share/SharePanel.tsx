"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { inputClass } from "@/components/ui/fields";
import type { SharePayload } from "@/lib/share";
import { CopyTextButton } from "./CopyTextButton";
import type { ShareLink } from "@/lib/exchange/share-link";

type State = { status: "building" } | { status: "ready"; link: ShareLink } | { status: "error"; message: string };

/** The Share dialog's content; loaded when the dialog first opens. */
export function SharePanel({ payload, onClose }: { payload: SharePayload; onClose: () => void }) {
  // The link is for the session as it was when Share was pressed, not for every later keystroke.
  const [snapshot] = useState(payload);
  const [state, setState] = useState<State>({ status: "building" });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    const page = window.location.origin + window.location.pathname;
    // Loaded on demand: the codec and zod stay out of the page's first load.
    import("@/lib/exchange/share-link")
      .then((m) =>
        m.buildShareLink(snapshot, page).then(
          (link) => live && setState({ status: "ready", link }),
          (e: unknown) => live && setState({ status: "error", message: m.describeFailure(e) }),
        ),
      )
      .catch(
        (e: unknown) =>
          live && setState({ status: "error", message: `The share code failed to load: ${String(e)}. Reload the page and try again.` }),
      );
    return () => {
      live = false;
    };
  }, [snapshot]);

  // Mounted after the dialog opened (lazily), so the dialog could not focus the field itself.
  useEffect(() => input.current?.focus(), []);

  const url = state.status === "ready" ? state.link.url : "";
  useEffect(() => {
    if (url && document.activeElement === input.current) input.current?.select();
  }, [url]);

  return (
    <>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Share link</span>
        <input
          ref={input}
          readOnly
          value={url}
          placeholder={state.status === "building" ? "Making the link…" : ""}
          aria-busy={state.status === "building"}
          onFocus={(e) => e.currentTarget.select()}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
        />
      </label>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Anyone with the link can open this session. It lives in the link itself (after the #), so it is never sent to the server.
      </p>
      {state.status === "error" && <ErrorMessage>{state.message}</ErrorMessage>}
      <div role="status" className="space-y-1 text-sm text-amber-800 dark:text-amber-300">
        {state.status === "ready" && state.link.warning && <p>{state.link.warning}</p>}
        {state.status === "ready" && state.link.redacted && <p>{state.link.redacted}</p>}
        {state.status === "ready" && state.link.images && <p>{state.link.images}</p>}
      </div>
      <div className="flex justify-end gap-2">
        <CopyTextButton text={url} label="Copy link" disabled={!url} onFail={() => input.current?.focus()} />
        <Button onClick={onClose}>Close</Button>
      </div>
    </>
  );
}
