"use client";
import { lazy } from "react";
import { DialogButton } from "@/components/ui/DialogButton";
import type { Session } from "@/lib/session/schema";

const CodePanel = lazy(() => import("./CodePanel").then((m) => ({ default: m.CodePanel })));

interface CodeButtonProps {
  session: Session;
  /** This app's origin (location.origin); the local provider's snippets point at it. */
  origin: string;
  className?: string;
}

/** "Code": the session's exact request as curl, Python, JavaScript, TypeScript, fetch or HTTP. */
export function CodeButton({ session, origin, className }: CodeButtonProps) {
  return (
    <DialogButton label="Code" loading="Loading the code…" className={className}>
      {(close) => <CodePanel session={session} origin={origin} onClose={close} />}
    </DialogButton>
  );
}
