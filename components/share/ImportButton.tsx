"use client";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/Button";
import { monoInputClass } from "@/components/ui/fields";
import type { ImportResult } from "@/lib/import";
import type { Session } from "@/lib/session/schema";
import { Dialog, useDialogState } from "./Dialog";
import { checkImportFile, importedMessage, importOptionsFor } from "./import-file";

export type ImportSuccess = Extract<ImportResult, { ok: true }>;

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
        <ImportForm onImport={onImport} current={current} onClose={dialog.close} />
      </Dialog>
    </>
  );
}

type Outcome = { kind: "idle" } | { kind: "busy" } | { kind: "error"; message: string } | { kind: "done"; message: string; notices: string[] };

function ImportForm({ onImport, current, onClose }: Omit<ImportButtonProps, "className"> & { onClose: () => void }) {
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const hintId = useId();

  const run = async (input: string) => {
    setOutcome({ kind: "busy" });
    try {
      // Loaded on demand: the parsers and zod stay out of the page's first load.
      const { importText } = await import("@/lib/import");
      const result = importText(input, importOptionsFor(current, window.location.origin));
      if (!result.ok) return setOutcome({ kind: "error", message: result.error });
      onImport(result);
      // With nothing to report the dialog closes; notices (a dropped key) stay up to be read.
      if (result.notices.length === 0) return onClose();
      setOutcome({ kind: "done", message: importedMessage(result.source), notices: result.notices });
    } catch (e) {
      setOutcome({ kind: "error", message: `The import failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(text);
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const problem = checkImportFile(file);
    if (problem) return setOutcome({ kind: "error", message: problem });
    try {
      const content = await file.text();
      setText(content);
      await run(content);
    } catch (e) {
      setOutcome({ kind: "error", message: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Import text</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={10}
          spellCheck={false}
          aria-describedby={hintId}
          placeholder={"curl https://api.example.com/v1/chat/completions -d '{…}'"}
          className={monoInputClass}
        />
      </label>
      <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
        Paste a curl command, a JSON request body or a saved session file. Keys in it are dropped, never stored.
      </p>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Session file</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void onFile(e.currentTarget.files?.[0]);
            e.currentTarget.value = "";
          }}
          className="text-sm file:mr-2 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-2 file:py-1 file:text-sm dark:file:border-zinc-700 dark:file:bg-zinc-800 dark:file:text-zinc-100"
        />
      </label>
      {outcome.kind === "error" && (
        <p role="alert" className="text-sm whitespace-pre-wrap text-red-700 dark:text-red-400">
          {outcome.message}
        </p>
      )}
      <div role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
        {outcome.kind === "done" && (
          <>
            <p className="font-medium">{outcome.message}</p>
            <ul className="list-disc pl-5">
              {outcome.notices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="flex justify-end gap-2">
        <Button type="submit" variant="primary" disabled={outcome.kind === "busy"}>
          Load
        </Button>
        <Button onClick={onClose}>{outcome.kind === "done" ? "Done" : "Cancel"}</Button>
      </div>
    </form>
  );
}
