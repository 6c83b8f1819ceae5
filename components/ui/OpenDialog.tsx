"use client";
import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { cn } from "./cn";

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
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

/** The open dialog: the native element, shown modal, with its focus handling (see Dialog). */
export function OpenDialog({ onClose, title, children, returnFocusRef, initialFocusRef, className }: DialogProps) {
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
