"use client";
import { lazy, Suspense, useRef, useState } from "react";
import type { DialogProps } from "./OpenDialog";

// Closed, a dialog renders nothing: its element and focus handling load on first open.
const OpenDialog = lazy(() => import("./OpenDialog").then((m) => ({ default: m.OpenDialog })));

/**
 * A modal dialog on the native <dialog> element: showModal() makes the page behind it inert and
 * traps Tab; Escape closes it; focus goes to the first control on open and back to the opener on
 * close. Nothing is rendered while closed.
 */
export function Dialog(props: DialogProps) {
  return props.open ? (
    <Suspense fallback={null}>
      <OpenDialog {...props} />
    </Suspense>
  ) : null;
}

/**
 * Open state for a dialog and the element that opened it. The opener is taken from the click
 * (Safari does not focus a clicked button), so focus can return to it on close.
 */
export function useDialogState() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const show = (e?: { currentTarget: HTMLElement }) => {
    opener.current = e?.currentTarget ?? null;
    setOpen(true);
  };
  const close = () => setOpen(false);
  return { open, opener, show, close };
}
