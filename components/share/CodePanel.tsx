"use client";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorMessage } from "@/components/ui/ErrorMessage";
import { Tabs } from "@/components/ui/Tabs";
import type { Session } from "@/lib/session/schema";
import { SNIPPET_LANGUAGES, type SnippetLanguage } from "@/lib/snippets";
import { snippetFor, snippetNotes } from "@/lib/exchange/code";
import { CopyTextButton } from "./CopyTextButton";
import { Notes } from "./Notes";

export interface CodePanelProps {
  session: Session;
  /** This app's origin (location.origin); the local provider's snippets point at it. */
  origin: string;
  onClose: () => void;
}

/** The code dialog's content; loaded when the dialog first opens (the generators are not small). */
export function CodePanel({ session, origin, onClose }: CodePanelProps) {
  const [lang, setLang] = useState<SnippetLanguage>("curl");
  // Only the shown language is generated, again only when the session, origin or tab changes.
  const view = useMemo(() => snippetFor(lang, session, origin), [lang, session, origin]);
  const notes = useMemo(() => snippetNotes(session, origin), [session, origin]);
  return (
    <>
      <Notes items={notes} label="Notes about this code" />
      <Tabs
        label="Language"
        value={lang}
        onChange={(id) => setLang(id as SnippetLanguage)}
        keepMounted={false}
        items={SNIPPET_LANGUAGES.map((l) => ({
          id: l.id,
          label: l.label,
          content:
            l.id !== lang ? null : view.ok ? (
              <pre className="max-h-[55dvh] overflow-auto rounded-md bg-zinc-100 p-3 font-mono text-xs leading-relaxed whitespace-pre text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
                <code>{view.code}</code>
              </pre>
            ) : (
              <ErrorMessage>{view.error}</ErrorMessage>
            ),
        }))}
      />
      <div className="flex justify-end gap-2">
        <CopyTextButton text={view.ok ? view.code : ""} label="Copy" disabled={!view.ok} />
        <Button onClick={onClose}>Close</Button>
      </div>
    </>
  );
}
