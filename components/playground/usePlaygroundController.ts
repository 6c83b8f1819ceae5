"use client";
import { useCallback, useRef, useState } from "react";
import { choicesFromBody, usageFromBody } from "@/lib/client/assemble";
import { type HistoryEntry, makeEntry, saveHistory } from "@/lib/client/history";
import { keyStore } from "@/lib/client/keys";
import { prepareRequest } from "@/lib/client/prepare";
import { withTemplateVars } from "@/lib/client/template-vars";
import { newMessage } from "@/lib/client/session-state";
import type { Session } from "@/lib/session/schema";
import type { RunContextValue } from "./context";
import { useRun, type RunView } from "./useRun";
import type { useSessionState } from "./useSessionState";

const storage = () => (typeof window === "undefined" ? null : window.localStorage);

/** Rebuilds what the raw and answer views show from a stored run. */
export function viewFromEntry(e: HistoryEntry): RunView {
  const choices = choicesFromBody(e.final).map((c) => ({ ...c, logprobCount: c.logprobs.length }));
  return {
    id: e.id,
    startedAt: e.at,
    session: e.session,
    url: e.url,
    requestText: e.requestText,
    requestHeaders: e.requestHeaders,
    state: e.state === "running" ? "stopped" : e.state,
    status: e.status,
    statusText: e.statusText,
    responseHeaders: e.responseHeaders,
    upstreamUrl: e.upstreamUrl,
    streamed: e.streamed,
    bodyText: e.bodyText,
    events: e.events,
    eventCount: e.events.length,
    choices,
    usage: usageFromBody(e.final),
    final: e.final,
    error: e.errorMessage ? { kind: "http", status: e.errorStatus, message: e.errorMessage } : null,
    headersMs: e.timing.headersMs,
    firstTokenMs: e.timing.firstTokenMs,
    firstReasoningMs: e.timing.firstReasoningMs ?? null,
    firstAnswerMs: e.timing.firstAnswerMs ?? null,
    totalMs: e.timing.totalMs,
    deltaCount: e.timing.deltaCount,
    sawDone: true,
    fromHistory: true,
  };
}

/** Send, Stop, Regenerate, Clear and history, on top of the session reducer and the run hook. */
export function usePlaygroundController(
  { session, dispatch }: Pick<ReturnType<typeof useSessionState>, "session" | "dispatch">,
  initialHistory: HistoryEntry[],
): RunContextValue {
  const latest = useRef(session);
  latest.current = session;
  const { history, remember, forget: forgetHistory } = useHistory(initialHistory);
  const [linked, setLinked] = useState<{ messageId: string; runId: string } | null>(null);
  const [choiceIndex, setChoiceIndex] = useState(0);
  const [sendError, setSendError] = useState<string | null>(null);

  const onFinish = useCallback(
    (view: RunView) => {
      const first = view.choices[0];
      if (view.session.mode === "chat" && first && first.text !== "") {
        const m = newMessage("assistant", first.text);
        dispatch({ type: "addMessage", message: m });
        setLinked({ messageId: m.id, runId: view.id });
      }
      remember(makeEntry({ ...view, at: view.startedAt, record: view }));
    },
    [dispatch, remember],
  );
  const run = useRun(onFinish);

  const start = useCallback(
    (conversation: Session) => {
      // {{variables}} filled from the Variables form for this run only; the conversation keeps them as written.
      const s = withTemplateVars(conversation);
      const key = keyStore.get(s.providerId).key;
      const p = prepareRequest(s, key);
      setLinked(null);
      setChoiceIndex(0);
      void run.start({ session: s, url: p.url, requestText: p.built.text, sendText: p.sendText, headers: p.headers, shownHeaders: p.shownHeaders });
    },
    [run.start],
  );

  const send = useCallback(
    (text: string): boolean => {
      if (run.running) return false;
      let s = latest.current;
      const problems = prepareRequest(s, "").built.errors;
      if (problems.length) {
        setSendError(problems.join(" "));
        return false;
      }
      setSendError(null);
      if (s.mode === "chat" && text.trim() !== "") {
        const m = newMessage("user", text);
        dispatch({ type: "addMessage", message: m });
        s = { ...s, messages: [...s.messages, m] };
      }
      start(s);
      return true;
    },
    [run.running, dispatch, start],
  );

  const regenerate = useCallback(() => {
    if (run.running) return;
    let s = latest.current;
    const last = s.messages[s.messages.length - 1];
    if (s.mode === "chat" && last?.role === "assistant") {
      dispatch({ type: "deleteMessage", id: last.id });
      s = { ...s, messages: s.messages.slice(0, -1) };
    }
    start(s);
  }, [run.running, dispatch, start]);

  const selectChoice = useCallback(
    (index: number) => {
      setChoiceIndex(index);
      const c = run.view?.choices[index];
      if (linked && c && run.view?.id === linked.runId) {
        dispatch({ type: "updateMessage", id: linked.messageId, patch: { content: c.text } });
      }
    },
    [run.view, linked, dispatch],
  );

  const clear = useCallback(() => {
    run.reset();
    setLinked(null);
    setSendError(null);
    dispatch({ type: "clearConversation" });
  }, [run.reset, dispatch]);

  const openHistory = useCallback(
    (e: HistoryEntry) => {
      dispatch({ type: "replace", session: e.session });
      run.show(viewFromEntry(e));
      setLinked(null);
      setChoiceIndex(0);
    },
    [dispatch, run.show],
  );

  const linkedMessageId = linked && run.view?.id === linked.runId ? linked.messageId : null;
  return {
    view: run.view,
    running: run.running,
    linkedMessageId,
    choiceIndex,
    sendError,
    send,
    stop: run.stop,
    regenerate,
    clear,
    selectChoice,
    unlink: () => setLinked(null),
    history,
    openHistory,
    forgetHistory,
  };
}

/** Past runs, newest first, saved to localStorage on every change. */
function useHistory(initial: HistoryEntry[]) {
  const [history, setHistory] = useState<HistoryEntry[]>(initial);
  const remember = useCallback((entry: HistoryEntry) => {
    setHistory((h) => saveHistory(storage(), [entry, ...h.filter((x) => x.id !== entry.id)]));
  }, []);
  const forget = useCallback((id: string | null) => {
    setHistory((h) => saveHistory(storage(), id === null ? [] : h.filter((x) => x.id !== id)));
  }, []);
  return { history, remember, forget };
}
