"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SharePayload } from "@/lib/share";
import { hasShareFragment, readShareLink, type ShareLinkState, urlWithoutHash } from "@/lib/share/hash";

export type { ShareLinkState };

export interface ShareLinkOnLoad {
  state: ShareLinkState;
  /** Loads the shared payload (calls apply) and forgets the link. */
  replace: () => void;
  /** Keeps the current session and forgets the link. */
  keep: () => void;
  /** Hides the error. */
  dismiss: () => void;
}

/**
 * Reads a share link (`#s=…`) when the page loads, or when the fragment changes in an open tab.
 * Decoding never throws: a damaged link becomes an error state, a good one waits for the user to
 * choose. The fragment is removed once handled, so a reload does not ask again.
 */
export function useShareLinkOnLoad(apply: (payload: SharePayload) => void): ShareLinkOnLoad {
  const [state, setState] = useState<ShareLinkState>({ status: "none" });
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });

  useEffect(() => {
    let live = true;
    let latest = 0;
    const check = async () => {
      const hash = window.location.hash;
      if (!hasShareFragment(hash)) return;
      const mine = ++latest;
      const next = await readShareLink(hash);
      if (!live || mine !== latest) return;
      setState(next);
      if (next.status === "error") clearShareHash();
    };
    const onHashChange = () => void check();
    void check();
    window.addEventListener("hashchange", onHashChange);
    return () => {
      live = false;
      window.removeEventListener("hashchange", onHashChange);
    };
  }, []);

  const replace = useCallback(() => {
    if (state.status === "ask") applyRef.current(state.payload);
    clearShareHash();
    setState({ status: "none" });
  }, [state]);
  const keep = useCallback(() => {
    clearShareHash();
    setState({ status: "none" });
  }, []);
  const dismiss = useCallback(() => setState({ status: "none" }), []);
  return { state, replace, keep, dismiss };
}

function clearShareHash() {
  try {
    if (hasShareFragment(window.location.hash)) window.history.replaceState(window.history.state, "", urlWithoutHash(window.location.href));
  } catch {
    // A sandboxed frame may refuse; the prompt is already handled, so nothing else to do.
  }
}
