"use client";
import { browserStorage } from "@/lib/storage/browser-storage";
import { useEffect, useReducer, useRef, useState } from "react";
import type { LoadedSession } from "@/lib/session/load";
import { saveSession } from "@/lib/session/storage";
import { sessionReducer } from "@/lib/session/state";

const SAVE_DELAY_MS = 250;

/**
 * The session reducer, starting from the validated stored session, and saved back
 * debounced, and at once when the page is hidden or left. Invalid stored data gives the
 * defaults and a notice; the stored value is not touched until the user changes something.
 */
export function useSessionState(initial: LoadedSession) {
  const [session, dispatch] = useReducer(sessionReducer, initial.session);
  const [notice, setNotice] = useState(initial.notice);
  const latest = useRef(session);
  const dirty = useRef(false);
  const first = useRef(true);

  useEffect(() => {
    latest.current = session;
    if (first.current) {
      first.current = false;
      return;
    }
    dirty.current = true;
    const t = setTimeout(() => {
      dirty.current = false;
      const err = saveSession(browserStorage(), session);
      if (err) setNotice(err);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [session]);

  useEffect(() => {
    const flush = () => {
      if (!dirty.current) return;
      dirty.current = false;
      saveSession(browserStorage(), latest.current);
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      flush();
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
    };
  }, []);

  return { session, dispatch, notice, dismissNotice: () => setNotice(null) };
}
