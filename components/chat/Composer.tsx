"use client";
import { type ClipboardEvent, type KeyboardEvent, type ReactNode, useState } from "react";
import { detectPastedRequest, PasteImportOffer } from "@/components/share";
import { userContent } from "@/lib/session/user-content";
import { newMessage } from "@/lib/session/state";
import type { Session } from "@/lib/session/schema";
import { useRunContext, useSession } from "../playground/context";
import { useLoadPayload } from "../playground/ShareToolbar";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/fields";
import { AttachImage } from "./AttachImage";
import { useAttachments } from "./useAttachments";
import { useDraft } from "./useDraft";

interface MessageBoxProps {
  id: string;
  label: string;
  /** The label is read out but not shown, where the placeholder already says what the box is for. */
  hideLabel?: boolean;
  rows: number;
  placeholder?: string;
  mono?: boolean;
  value: string;
  onChange: (text: string) => void;
  /** Ctrl+Enter (⌘+Enter): the same as pressing Send. */
  onSubmit: () => void;
  onPaste?: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
}

/** A composer's text box, labelled, where Ctrl+Enter sends. */
export function MessageBox({
  id,
  label,
  hideLabel = false,
  rows,
  placeholder,
  mono = false,
  value,
  onChange,
  onSubmit,
  onPaste,
}: MessageBoxProps) {
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  };
  return (
    <>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-xs font-medium text-zinc-600 dark:text-zinc-400"}>
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        className={mono ? `${inputClass} font-mono` : inputClass}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKey}
        onPaste={onPaste}
      />
    </>
  );
}

interface ComposerActionsProps {
  running: boolean;
  onSend: () => void;
  onStop: () => void;
  /** Stop stays in the row, disabled, while nothing runs; otherwise it appears only during a run. */
  alwaysShowStop?: boolean;
  /** Said (politely, to screen readers too) while a run is going. */
  busyText: string;
  /** The page's own buttons, after Send and Stop. */
  children: ReactNode;
}

/** A composer's button row: Send (also Ctrl+Enter), Stop, the page's own buttons, and a note while running. */
export function ComposerActions({ running, onSend, onStop, alwaysShowStop = false, busyText, children }: ComposerActionsProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="primary" onClick={onSend} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
        Send
      </Button>
      {(running || alwaysShowStop) && (
        <Button variant="danger" onClick={onStop} disabled={!running}>
          Stop
        </Button>
      )}
      {children}
      {running && (
        <span className="text-xs text-zinc-500" aria-live="polite">
          {busyText}
        </span>
      )}
    </div>
  );
}

type Attachments = ReturnType<typeof useAttachments>;

interface ChatDraftProps {
  session: Session;
  draft: string;
  setDraft: (text: string) => void;
  images: Attachments;
  onSend: () => void;
}

/** The chat message box with its images; pasting images attaches them, pasting a request offers to import it. */
function ChatDraft({ session, draft, setDraft, images, onSend }: ChatDraftProps) {
  const [pasted, setPasted] = useState<string | null>(null);
  const load = useLoadPayload();
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
  return (
    <>
      <MessageBox
        id="composer"
        label="Message"
        hideLabel
        rows={3}
        placeholder="Message (Ctrl+Enter to send)"
        value={draft}
        onChange={setDraft}
        onSubmit={onSend}
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
  );
}

/** The playground's composer (chat) or prompt box (completions), with Send, Stop, Regenerate, Clear. */
export function Composer() {
  const { session, dispatch } = useSession();
  const { running, send, stop, regenerate, clear, sendError, view } = useRunContext();
  const [draft, setDraft] = useDraft();
  const images = useAttachments();
  const chat = session.mode === "chat";
  const doSend = () => {
    if (send(chat ? draft : "", chat ? images.items.map((a) => a.part) : []) && chat) {
      setDraft("");
      images.clear();
    }
  };
  const addToConversation = () => {
    dispatch({
      type: "addMessage",
      message: newMessage(
        "user",
        userContent(
          draft,
          images.items.map((a) => a.part),
        ),
      ),
    });
    setDraft("");
    images.clear();
  };
  const canRegenerate = !running && (chat ? session.messages.length > 0 : session.prompt !== "");
  return (
    <section aria-label="Composer" className="flex flex-col gap-2">
      {chat ? (
        <ChatDraft session={session} draft={draft} setDraft={setDraft} images={images} onSend={doSend} />
      ) : (
        <MessageBox
          id="prompt"
          label="Prompt"
          rows={6}
          mono
          value={session.prompt}
          onChange={(text) => dispatch({ type: "setPrompt", text })}
          onSubmit={doSend}
        />
      )}
      <ComposerActions running={running} onSend={doSend} onStop={stop} busyText="streaming…">
        {chat && (
          <Button
            variant="ghost"
            title="Append the text as a user message without running the model"
            disabled={draft.trim() === "" && images.items.length === 0}
            onClick={addToConversation}
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
      </ComposerActions>
      {sendError && (
        <p role="alert" className="text-sm text-red-600">
          {sendError}
        </p>
      )}
    </section>
  );
}
