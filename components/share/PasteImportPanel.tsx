"use client";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import type { Session } from "@/lib/session/schema";
import { type ImportSuccess, importedMessage, importTyped } from "@/lib/import/file";
import { ImportedSummary } from "./ImportedSummary";

export interface PasteImportOfferProps {
  /** The pasted text, which detectPastedRequest judged to be a request. */
  text: string;
  current: Session;
  onImport: (result: ImportSuccess) => void;
  /** The user keeps the paste as message text, or has read the outcome. */
  onDismiss: () => void;
}

type Outcome = { kind: "offer" } | { kind: "error"; message: string } | { kind: "done"; message: string; notices: string[] };

/** The offer itself; loaded on the first paste that looks like a request. */
export function PasteImportPanel({ text, current, onImport, onDismiss }: PasteImportOfferProps) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: "offer" });
  const importIt = async () => {
    const result = await importTyped(text, current, window.location.origin);
    if (!result.ok) return setOutcome({ kind: "error", message: result.error });
    onImport(result);
    setOutcome({ kind: "done", message: importedMessage(result.source), notices: result.notices });
  };
  return (
    <div className="flex flex-wrap items-start gap-2 rounded-md border border-indigo-200 bg-indigo-50 p-2 text-sm dark:border-indigo-900 dark:bg-indigo-950/40">
      {outcome.kind === "offer" && (
        <>
          <p className="flex-1">This looks like a request. Open it as the session (provider, model, parameters, messages)?</p>
          <Button size="sm" variant="primary" onClick={() => void importIt()}>
            Import this request
          </Button>
          <Button size="sm" onClick={onDismiss}>
            Keep as text
          </Button>
        </>
      )}
      {outcome.kind === "error" && (
        <>
          <ErrorMessage className="flex-1 whitespace-pre-wrap">{outcome.message}</ErrorMessage>
          <Button size="sm" onClick={onDismiss}>
            Dismiss
          </Button>
        </>
      )}
      {outcome.kind === "done" && (
        <>
          <div role="status" className="flex-1">
            <ImportedSummary message={outcome.message} notices={outcome.notices} />
          </div>
          <Button size="sm" onClick={onDismiss}>
            Dismiss
          </Button>
        </>
      )}
    </div>
  );
}
