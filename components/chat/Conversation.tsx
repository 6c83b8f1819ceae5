"use client";
import { useEffect, useRef } from "react";
import { useRunContext, useSession } from "../playground/context";
import { AnswerView } from "./AnswerView";
import { MessageItem } from "./MessageItem";

/** The conversation: editable messages, then the answer of the current run. */
export function Conversation() {
  const { session } = useSession();
  const { view, linkedMessageId } = useRunContext();
  const end = useRef<HTMLDivElement>(null);
  const showLive = view !== null && linkedMessageId === null && !view.fromHistory;
  const showHistoric = view?.fromHistory === true;
  const first = view?.choices[0];
  const lastLength = (first?.text.length ?? 0) + (first?.reasoning?.text.length ?? 0);
  // Follow a growing answer only while the reader is already at its end.
  useEffect(() => {
    const el = end.current;
    if (view?.state !== "running" || lastLength === 0 || !el) return;
    const top = el.getBoundingClientRect().top;
    if (top > 0 && top < window.innerHeight + 120) el.scrollIntoView({ block: "nearest" });
  }, [view?.state, lastLength]);
  const empty = session.mode === "chat" ? session.messages.length === 0 && !view : !view;
  return (
    <section aria-label="Conversation" className="flex min-h-40 flex-col gap-2 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800">
      {session.mode === "chat" &&
        session.messages.map((m, i) => (
          <MessageItem key={m.id} message={m} index={i} count={session.messages.length} linked={m.id === linkedMessageId} />
        ))}
      {(showLive || showHistoric) && view && (
        <article
          aria-label="assistant"
          className="rounded-md border border-indigo-200 bg-indigo-50/40 p-2 dark:border-indigo-900 dark:bg-indigo-950/30"
        >
          <div className="mb-1 text-xs font-semibold uppercase text-zinc-500">assistant{view.fromHistory ? " · from history" : ""}</div>
          <AnswerView />
        </article>
      )}
      {empty && <p className="p-4 text-center text-sm text-zinc-500">Type a message below and press Send (Ctrl+Enter).</p>}
      <div ref={end} />
    </section>
  );
}
