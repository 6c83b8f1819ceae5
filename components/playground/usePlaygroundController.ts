"use client";
import { browserStorage } from "@/lib/storage/browser-storage";
import { useCallback, useRef, useState } from "react";
import { messageFromChoice, pendingToolCalls, toolResultMessages } from "@/lib/stream/answer-message";
import type { HistoryEntry } from "@/lib/run/history";
import type { RunView } from "@/lib/run/schema";
import { userContent } from "@/lib/session/user-content";
import { keyStore } from "@/lib/keys/store";
import { prepareRequest } from "@/lib/request/prepare";
import { withTemplateVars } from "@/lib/evaluate/template-vars";
import { newMessage, withNewId } from "@/lib/session/state";
import type { ImagePart, Message, Session } from "@/lib/session/schema";
import type { RunContextValue } from "./context";
import { useRun } from "./useRun";
import type { useSessionState } from "./useSessionState";

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
  const tools = useToolResults();

  const onFinish = useCallback(
    (view: RunView) => {
      const first = view.choices[0];
      const answer = view.session.mode === "chat" && first ? messageFromChoice(first) : null;
      if (answer) {
        const m = withNewId(answer);
        dispatch({ type: "addMessage", message: m });
        setLinked({ messageId: m.id, runId: view.id });
      }
      remember(view);
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
      void run.start({
        session: s,
        url: p.url,
        requestText: p.built.text,
        sendText: p.sendText,
        headers: p.headers,
        shownHeaders: p.shownHeaders,
      });
    },
    [run.start],
  );

  const send = useCallback(
    (text: string, images: readonly ImagePart[] = []): boolean => {
      if (run.running) return false;
      let s = latest.current;
      const problems = prepareRequest(s, "").built.errors;
      const results = s.mode === "chat" ? tools.take(s.messages) : { messages: [] };
      if (results.error) problems.push(results.error);
      if (problems.length) {
        setSendError(problems.join(" "));
        return false;
      }
      setSendError(null);
      const added: Message[] = results.messages.map(withNewId);
      if (s.mode === "chat" && (text.trim() !== "" || images.length > 0)) {
        added.push(newMessage("user", userContent(text, images)));
      }
      for (const m of added) dispatch({ type: "addMessage", message: m });
      s = { ...s, messages: [...s.messages, ...added] };
      start(s);
      return true;
    },
    [run.running, dispatch, start, tools.take],
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
        // The message becomes this choice entirely: what the previous one had beside text goes.
        const patch = { tool_calls: undefined, refusal: undefined, reasoning: undefined, ...(messageFromChoice(c) ?? { content: c.text }) };
        dispatch({ type: "updateMessage", id: linked.messageId, patch });
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
      setLinked(null);
      setChoiceIndex(0);
      void historyModule().then((h) => run.show(h.viewFromEntry(e)));
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
    toolResults: tools.results,
    setToolResult: tools.set,
    history,
    openHistory,
    forgetHistory,
  };
}

/**
 * What the user typed as the result of each pending tool call, by tool_call_id. Send takes them:
 * one `tool` message per call, in the order of the calls; all or none must be filled.
 */
function useToolResults() {
  const [results, setResults] = useState<Record<string, string>>({});
  const latestResults = useRef(results);
  latestResults.current = results;
  const set = useCallback((id: string, text: string) => setResults((r) => ({ ...r, [id]: text })), []);
  const take = useCallback((messages: readonly Message[]): { messages: Omit<Message, "id">[]; error?: string } => {
    const pending = pendingToolCalls(messages);
    if (!pending) return { messages: [] };
    const r = latestResults.current;
    const missing = pending.calls.filter((c) => (r[c.id] ?? "") === "").map((c) => c.id);
    if (missing.length === pending.calls.length) return { messages: [] };
    if (missing.length > 0)
      return { messages: [], error: `Fill the result of each tool call before sending (missing: ${missing.join(", ")}).` };
    setResults({});
    return { messages: toolResultMessages(pending.calls, r) };
  }, []);
  return { results, set, take };
}

// Saving and reopening runs is not needed before the first run ends: kept out of the first load.
const historyModule = () => import("@/lib/run/history");

/** Past runs, newest first, saved to localStorage on every change (in order: one module promise). */
function useHistory(initial: HistoryEntry[]) {
  const [history, setHistory] = useState<HistoryEntry[]>(initial);
  const remember = useCallback((view: RunView) => {
    void historyModule().then((m) => setHistory((h) => m.rememberRun(browserStorage(), h, view)));
  }, []);
  const forget = useCallback((id: string | null) => {
    void historyModule().then((m) => setHistory((h) => m.saveHistory(browserStorage(), id === null ? [] : h.filter((x) => x.id !== id))));
  }, []);
  return { history, remember, forget };
}
