"use client";
import { lazy, Suspense } from "react";
import { Button } from "@/components/ui/Button";
import type { ImportSuccess } from "@/lib/import/file";
import type { Session } from "@/lib/session/schema";
import { Dialog, useDialogState } from "./Dialog";

const ImportPanel = lazy(() => import("./ImportPanel").then((m) => ({ default: m.ImportPanel })));

interface ImportButtonProps {
  /** Called with a valid import; the caller decides how to load it (it is never applied here). */
  onImport: (result: ImportSuccess) => void;
  /** The session now on screen: a bare JSON body keeps its provider and base URL. */
  current: Session;
  className?: string;
}

/** "Import": a curl command, a JSON request body or a saved session file, as a session. */
export function ImportButton({ onImport, current, className }: ImportButtonProps) {
  const dialog = useDialogState();
  return (
    <>
      <Button className={className} aria-haspopup="dialog" onClick={dialog.show}>
        Import
      </Button>
      <Dialog open={dialog.open} onClose={dialog.close} title="Import" returnFocusRef={dialog.opener}>
        <Suspense fallback={<p className="text-sm text-zinc-500">Loading…</p>}>
          <ImportPanel onImport={onImport} current={current} onClose={dialog.close} />
        </Suspense>
      </Dialog>
    </>
  );
}
