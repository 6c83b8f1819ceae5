"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";
import type { SharePayload } from "@/lib/share";

interface ExportButtonProps {
  /** What the file holds: a session or a compare view. Keys in the extra body are left out. */
  payload: SharePayload;
  className?: string;
}

/** "Export": downloads the session as a .json file that Import (and share links) read back. */
export function ExportButton({ payload, className }: ExportButtonProps) {
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!note || note.error) return;
    const t = setTimeout(() => setNote(null), 10_000);
    return () => clearTimeout(t);
  }, [note]);
  const save = async () => {
    setNote(null);
    // Loaded on demand: zod and the file format stay out of the page's first load.
    const m = await import("@/lib/exchange/share-link").catch(() => null);
    if (!m) return setNote({ error: true, text: "The export code failed to load. Reload the page and try again." });
    try {
      const file = m.buildExportFile(payload);
      downloadText(file.name, file.text);
      if (file.redacted) setNote({ error: false, text: file.redacted });
    } catch (e) {
      setNote({ error: true, text: m.describeFailure(e, "exported") });
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button className={className} onClick={save}>
        Export
      </Button>
      {note?.error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-400">
          {note.text}
        </span>
      )}
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {note && !note.error ? note.text : null}
      </span>
    </span>
  );
}

function downloadText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click's download has started reading the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
