"use client";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { monoInputClass } from "@/components/ui/fields";
import type { Session } from "@/lib/session/schema";
import { checkImportFile, type ImportSuccess, importedMessage, importTyped } from "@/lib/import/file";
import { ImportedSummary } from "./ImportedSummary";

type Outcome =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "error"; message: string }
  | { kind: "done"; message: string; notices: string[] };

interface ImportPanelProps {
  onImport: (result: ImportSuccess) => void;
  current: Session;
  onClose: () => void;
}

/** The Import dialog's content; loaded when the dialog first opens. */
export function ImportPanel({ onImport, current, onClose }: ImportPanelProps) {
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const hintId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // Mounted after the dialog opened (lazily), so the dialog could not focus the field itself.
  useEffect(() => field.current?.focus(), []);

  const run = async (input: string) => {
    setOutcome({ kind: "busy" });
    const result = await importTyped(input, current, window.location.origin);
    if (!result.ok) return setOutcome({ kind: "error", message: result.error });
    onImport(result);
    // With nothing to report the dialog closes; notices (a dropped key) stay up to be read.
    if (result.notices.length === 0) return onClose();
    setOutcome({ kind: "done", message: importedMessage(result.source), notices: result.notices });
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
          ref={field}
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
      {outcome.kind === "error" && <ErrorMessage className="whitespace-pre-wrap">{outcome.message}</ErrorMessage>}
      <div role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
        {outcome.kind === "done" && <ImportedSummary message={outcome.message} notices={outcome.notices} />}
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
