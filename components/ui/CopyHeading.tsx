import type { ReactNode } from "react";
import { CopyButton } from "./CopyButton";

interface CopyHeadingProps {
  title: ReactNode;
  /** The Copy button's accessible name ("Copy request body"). */
  copyLabel: string;
  /** What Copy copies, or a function giving it at click time (a long text is built only then). */
  copyText: string | (() => string);
  /** Controls between the heading and Copy (a Pretty-print toggle). */
  children?: ReactNode;
}

/** A small heading over a block of text, with a button that copies the text. */
export function CopyHeading({ title, copyLabel, copyText, children }: CopyHeadingProps) {
  return (
    <div className="flex items-center justify-between">
      <h3 className="text-xs font-semibold">{title}</h3>
      {children}
      <CopyButton label={copyLabel} text={copyText} />
    </div>
  );
}
