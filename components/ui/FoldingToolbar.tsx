"use client";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "./Button";
import { cn } from "./cn";

interface FoldingToolbarProps {
  /** The group's accessible name. */
  label: string;
  /** The text of the button that opens the folded group on narrow screens. */
  menuLabel: string;
  children: ReactNode;
}

/**
 * A row of buttons that, below the `sm` breakpoint (a phone), folds behind one disclosure button
 * and opens as a drop-down panel. The buttons are rendered once either way, so the dialogs they
 * own stay mounted: the panel stays open while one of them is open, and closes on Escape or a
 * click outside it.
 */
export function FoldingToolbar({ label, menuLabel, children }: FoldingToolbarProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) => target instanceof Node && root.current?.contains(target) === true;
    const onPointer = (e: PointerEvent) => {
      if (!inside(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      // Escape inside one of the buttons' dialogs closes that dialog, not the panel under it.
      if (e.key !== "Escape" || (e.target instanceof Element && e.target.closest("dialog"))) return;
      setOpen(false);
      if (inside(e.target)) toggle.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <Button ref={toggle} className="sm:hidden" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {menuLabel} <span aria-hidden="true">▾</span>
      </Button>
      <fieldset
        id={id}
        aria-label={label}
        className={cn(
          "sm:static sm:mt-0 sm:flex sm:w-auto sm:flex-row sm:flex-wrap sm:items-center sm:gap-1 sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none",
          open
            ? "absolute left-0 z-30 mt-1 flex w-max flex-col items-stretch gap-1 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
            : "hidden",
        )}
      >
        {children}
      </fieldset>
    </div>
  );
}
