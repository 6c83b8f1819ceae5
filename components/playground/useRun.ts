"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { newRecord, runRequest } from "@/lib/run/run";
import type { RunView } from "@/lib/run/schema";
import { viewFromRecord } from "@/lib/run/view";
import type { Session } from "@/lib/session/schema";

export interface StartInput {
  session: Session;
  url: string;
  requestText: string;
  /** The body sent when it differs from the one shown (a secret body field unmasked). */
  sendText?: string;
  headers: Record<string, string>;
  shownHeaders: Record<string, string>;
}

let runCounter = 0;

/**
 * Runs a request with fetch + AbortController. Text is appended into the record (a ref) as
 * bytes arrive; React state is refreshed at most once per animation frame, and once at the end.
 */
export function useRun(onFinish?: (view: RunView) => void) {
  const [view, setView] = useState<RunView | null>(null);
  const controller = useRef<AbortController | null>(null);
  const frame = useRef<number | null>(null);
  const finishRef = useRef(onFinish);
  finishRef.current = onFinish;

  useEffect(
    () => () => {
      controller.current?.abort();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  /** Resolves with the run's final view, or null when another run or Stop took its place first. */
  const start = useCallback(async (input: StartInput): Promise<RunView | null> => {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    runCounter++;
    const base = {
      id: `run-${Date.now().toString(36)}-${runCounter}`,
      startedAt: Date.now(),
      session: input.session,
      url: input.url,
      requestText: input.requestText,
      requestHeaders: input.shownHeaders,
    };
    const record = newRecord();
    const flush = () => {
      frame.current = null;
      if (controller.current === ctrl) setView(viewFromRecord(base, record));
    };
    setView(viewFromRecord(base, record));
    const onChange = () => {
      if (frame.current === null) frame.current = requestAnimationFrame(flush);
    };
    await runRequest(
      { url: input.url, headers: input.headers, body: input.sendText ?? input.requestText, signal: ctrl.signal, onChange },
      record,
    );
    if (controller.current !== ctrl) return null;
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    controller.current = null;
    const final = viewFromRecord(base, record);
    setView(final);
    finishRef.current?.(final);
    return final;
  }, []);

  const stop = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setView(null);
  }, []);
  const show = useCallback((v: RunView) => {
    controller.current?.abort();
    controller.current = null;
    setView(v);
  }, []);

  return { view, running: view?.state === "running", start, stop, reset, show };
}
