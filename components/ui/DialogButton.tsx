"use client";
import { type ReactNode, Suspense } from "react";
import { Button } from "./Button";
import { Dialog, useDialogState } from "./Dialog";

interface DialogButtonProps {
  /** The button's text, and the title (and accessible name) of the dialog it opens. */
  label: string;
  /** The dialog's content, given the function that closes it; mounted only while the dialog is open. */
  children: (close: () => void) => ReactNode;
  /** Shown while lazily loaded content is still arriving. */
  loading?: string;
  className?: string;
}

/** A button that opens a modal dialog, and gets the focus back when the dialog closes. */
export function DialogButton({ label, children, loading = "Loading…", className }: DialogButtonProps) {
  const dialog = useDialogState();
  return (
    <>
      <Button className={className} aria-haspopup="dialog" onClick={dialog.show}>
        {label}
      </Button>
      <Dialog open={dialog.open} onClose={dialog.close} title={label} returnFocusRef={dialog.opener}>
        <Suspense fallback={<p className="text-sm text-zinc-500">{loading}</p>}>{children(dialog.close)}</Suspense>
      </Dialog>
    </>
  );
}
