import type { ReactNode } from "react";
import { cn } from "./cn";

/** An error beside the control that caused it, read out at once (role="alert"). */
export function ErrorMessage({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={cn("text-sm text-red-700 dark:text-red-400", className)}>
      {children}
    </p>
  );
}
