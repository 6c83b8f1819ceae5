"use client";
import { lazy } from "react";
import { DialogButton } from "@/components/ui/DialogButton";
import type { SharePayload } from "@/lib/share";

const SharePanel = lazy(() => import("./SharePanel").then((m) => ({ default: m.SharePanel })));

interface ShareButtonProps {
  /** What the link opens: a session, or a compare view. Keys are never part of it. */
  payload: SharePayload;
  className?: string;
}

/** "Share": a link holding the whole session in its fragment (the server never sees it). */
export function ShareButton({ payload, className }: ShareButtonProps) {
  return (
    <DialogButton label="Share" className={className}>
      {(close) => <SharePanel payload={payload} onClose={close} />}
    </DialogButton>
  );
}
