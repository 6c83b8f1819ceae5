import type { ComponentProps } from "react";
import { cn } from "../ui/cn";

/** Text as it went over the wire: monospace on a grey ground, scrolling where it is too long. */
export function RawText({ className, ...rest }: ComponentProps<"pre">) {
  return <pre className={cn("overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900", className)} {...rest} />;
}
