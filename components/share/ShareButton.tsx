"use client";
import { lazy, Suspense } from "react";
import { Button } from "@/components/ui/Button";
import type { SharePayload } from "@/lib/share";
import { Dialog, useDialogState } from "@/components/ui/Dialog";

const SharePanel = lazy(() => import("./SharePanel").then((m) => ({ default: m.SharePanel })));

interface ShareButtonProps {
  /** What the link opens: a session, or a compare view. Keys are never part of it. */
  payload: SharePayload;
  className?: string;
}

/** "Share": a link holding the whole session in its fragment (the server never sees it). */
export function ShareButton({ payload, className }: ShareButtonProps) {
  const dialog = useDialogState();
  return (
    <>
      <Button className={className} aria-haspopup="dialog" onClick={dialog.show}>
        Share
      </Button>
      <Dialog open={dialog.open} onClose={dialog.close} title="Share" returnFocusRef={dialog.opener}>
        <Suspense fallback={<p className="text-sm text-zinc-500">Loading…</p>}>
          <SharePanel payload={payload} onClose={dialog.close} />
        </Suspense>
      </Dialog>
    </>
  );
}
