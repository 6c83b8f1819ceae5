"use client";
import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  open: boolean;
  /** Called on Escape, on a click outside the panel, and by buttons inside that close it. */
  onClose: () => void;
  /** Visible heading, and the dialog's accessible name. */
  title: string;
  children: ReactNode;
  /** Focused when the dialog closes (the button that opened it); else whatever was focused before. */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** Focused on open; else the first focusable control inside. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  className?: string;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the page behind it inert and
 * traps Tab; Escape closes it; focus goes to the first control on open and back to the opener on
 * close. Nothing is rendered while closed.
 */
export function Dialog(props: DialogProps) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({ onClose, title, children, returnFocusRef, initialFocusRef, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = initialFocusRef?.current ?? [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => el.tabIndex >= 0);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const back = returnFocusRef?.current ?? previous;
      if (back?.isConnected) back.focus();
    };
  }, [initialFocusRef, returnFocusRef]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // Escape: keep the element open and let React state close it, so the two never disagree.
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      // Closed by the browser anyway (a second Escape without a user gesture): sync the state.
      onClose={() => onCloseRef.current()}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
      className={cn(
        "m-auto max-h-[calc(100dvh-2rem)] w-[min(48rem,calc(100vw-2rem))] overflow-hidden rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100",
        className,
      )}
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col gap-3 overflow-auto p-4">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
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
