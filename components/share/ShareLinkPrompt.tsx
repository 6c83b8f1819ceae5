"use client";
import { lazy, Suspense } from "react";
import type { SharePayload } from "@/lib/share";
import { useShareLinkOnLoad } from "./useShareLinkOnLoad";

// Most page loads carry no share link: the dialog and its wording load only when one does.
const ShareLinkNotice = lazy(() => import("./ShareLinkNotice").then((m) => ({ default: m.ShareLinkNotice })));

interface ShareLinkPromptProps {
  /** Loads a shared session or compare view in place of the current one. */
  apply: (payload: SharePayload) => void;
}

/**
 * Mount once on the page: when it was opened from a share link, asks before replacing the
 * current session ("Open shared session"), or says why the link could not be opened.
 */
export function ShareLinkPrompt({ apply }: ShareLinkPromptProps) {
  const link = useShareLinkOnLoad(apply);
  if (link.state.status === "none") return null;
  return (
    <Suspense fallback={null}>
      <ShareLinkNotice {...link} />
    </Suspense>
  );
}
