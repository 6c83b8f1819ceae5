"use client";
import { type ClipboardEvent, type KeyboardEvent, useState } from "react";
import { detectPastedRequest, PasteImportOffer } from "@/components/share";
import { userContent } from "@/lib/session/user-content";
import { newMessage } from "@/lib/session/state";
import { useRunContext, useSession } from "../playground/context";
import { useLoadPayload } from "../playground/ShareToolbar";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/fields";
import { AttachImage } from "./AttachImage";
import { useAttachments } from "./useAttachments";
import { useDraft } from "./useDraft";

/** The composer (chat) or the prompt box (completions), with Send, Stop, Regenerate, Clear. */
export function Composer() {
  const { session, dispatch } = useSession();
  const { running, send, stop, regenerate, clear, sendError, view } = useRunContext();
  const [draft, setDraft] = useDraft();
  const [pasted, setPasted] = useState<string | null>(null);
  const load = useLoadPayload();
  const images = useAttachments();
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = Array.from(e.clipboardData.files).filter((f) => f.type.startsWith("image/"));
    if (files.length > 0) {
      e.preventDefault();
      void images.add(files);
      return;
    }
    const text = e.clipboardData.getData("text/plain");
    setPasted(detectPastedRequest(text) ? text : null);
  };
  const chat = session.mode === "chat";
  const doSend = () => {
    if (send(chat ? draft : "", chat ? images.items.map((a) => a.part) : []) && chat) {
      setDraft("");
      images.clear();
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      doSend();
    }
  };
  const canRegenerate = !running && (chat ? session.messages.length > 0 : session.prompt !== "");
  return (
    <section aria-label="Composer" className="flex flex-col gap-2">
      {chat ? (
        <>
          <label htmlFor="composer" className="sr-only">
            Message
          </label>
          <textarea
            id="composer"
            rows={3}
            className={inputClass}
            placeholder="Message (Ctrl+Enter to send)"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
            onPaste={onPaste}
          />
          <AttachImage items={images.items} error={images.error} onAdd={(f) => void images.add(f)} onRemove={images.remove} />
          {pasted !== null && (
            <PasteImportOffer
              text={pasted}
              current={session}
              onImport={(r) => {
                load(r.payload);
                setDraft(draft.replace(pasted, ""));
              }}
              onDismiss={() => setPasted(null)}
            />
          )}
        </>
      ) : (
        <>
          <label htmlFor="prompt" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Prompt
          </label>
          <textarea
            id="prompt"
            rows={6}
            className={`${inputClass} font-mono`}
            value={session.prompt}
            onChange={(e) => dispatch({ type: "setPrompt", text: e.target.value })}
            onKeyDown={onKey}
          />
        </>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" onClick={doSend} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
          Send
        </Button>
        {running && (
          <Button variant="danger" onClick={stop}>
            Stop
          </Button>
        )}
        {chat && (
          <Button
            variant="ghost"
            title="Append the text as a user message without running the model"
            disabled={draft.trim() === "" && images.items.length === 0}
            onClick={() => {
              dispatch({ type: "addMessage", message: newMessage("user", userContent(draft, images.items.map((a) => a.part))) });
              setDraft("");
              images.clear();
            }}
          >
            Add to conversation
          </Button>
        )}
        <Button onClick={regenerate} disabled={!canRegenerate}>
          Regenerate
        </Button>
        <Button variant="ghost" onClick={clear} disabled={running || (session.messages.length === 0 && !view && session.prompt === "")}>
          Clear
        </Button>
        {running && <span className="text-xs text-zinc-500" aria-live="polite">streaming…</span>}
      </div>
      {sendError && (
        <p role="alert" className="text-sm text-red-600">
          {sendError}
        </p>
      )}
    </section>
  );
}
