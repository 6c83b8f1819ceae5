"use client";
import { lazy, Suspense } from "react";
import { Button } from "@/components/ui/Button";
import type { Session } from "@/lib/session/schema";
import { Dialog, useDialogState } from "@/components/ui/Dialog";

const CodePanel = lazy(() => import("./CodePanel").then((m) => ({ default: m.CodePanel })));

interface CodeButtonProps {
  session: Session;
  /** This app's origin (location.origin); the local provider's snippets point at it. */
  origin: string;
  className?: string;
}

/** "Code": the session's exact request as curl, Python, JavaScript, TypeScript, fetch or HTTP. */
export function CodeButton({ session, origin, className }: CodeButtonProps) {
  const dialog = useDialogState();
  return (
    <>
      <Button className={className} aria-haspopup="dialog" onClick={dialog.show}>
        Code
      </Button>
      <Dialog open={dialog.open} onClose={dialog.close} title="Code" returnFocusRef={dialog.opener}>
        <Suspense fallback={<p className="text-sm text-zinc-500">Loading the code…</p>}>
          <CodePanel session={session} origin={origin} onClose={dialog.close} />
        </Suspense>
      </Dialog>
    </>
  );
}
