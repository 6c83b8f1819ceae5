"use client";
import { lazy } from "react";
import { DialogButton } from "@/components/ui/DialogButton";
import type { ImportSuccess } from "@/lib/import/file";
import type { Session } from "@/lib/session/schema";

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
  return (
    <DialogButton label="Import" className={className}>
      {(close) => <ImportPanel onImport={onImport} current={current} onClose={close} />}
    </DialogButton>
  );
}
