"use client";
import { useCallback, useMemo } from "react";
import { CodeButton, ExportButton, ImportButton, ShareButton, ShareLinkPrompt, useOrigin } from "@/components/share";
import type { SharePayload } from "@/lib/share";
import { sessionForColumn } from "@/lib/compare/columns";
import { FoldingToolbar } from "../ui/FoldingToolbar";
import { useSession } from "./context";

/** Code, Share, Import and Export for the playground's session, and the prompt a share link opens. */
export function ShareToolbar() {
  const { session } = useSession();
  const load = useLoadPayload();
  const origin = useOrigin();
  const payload = useMemo<SharePayload>(() => ({ kind: "session", session }), [session]);
  return (
    <>
      <FoldingToolbar label="Sharing" menuLabel="Code & sharing">
        <CodeButton session={session} origin={origin} />
        <ShareButton payload={payload} />
        <ImportButton current={session} onImport={(r) => load(r.payload)} />
        <ExportButton payload={payload} />
      </FoldingToolbar>
      {/* Outside the folding group: a link's prompt opens on load, with the group folded away. */}
      <ShareLinkPrompt apply={load} />
    </>
  );
}

/**
 * Loads a shared or imported payload as the session. A compare payload opens its shared
 * conversation with the first column's target: the playground shows one target at a time.
 */
export function useLoadPayload(): (payload: SharePayload) => void {
  const { dispatch } = useSession();
  return useCallback(
    (payload: SharePayload) => {
      const first = payload.kind === "compare" ? payload.columns[0] : undefined;
      dispatch({ type: "replace", session: first ? sessionForColumn(payload.session, first) : payload.session });
    },
    [dispatch],
  );
}
