import type { ReactNode } from "react";

/**
 * A <label> only screen readers get, for a control whose purpose its place already shows: it
 * keeps a real label (clicking, getByLabel) without taking room.
 */
export function HiddenLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label className="sr-only" htmlFor={htmlFor}>
      {children}
    </label>
  );
}
