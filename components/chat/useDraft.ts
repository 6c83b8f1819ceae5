"use client";
import { useEffect, useState } from "react";

const KEY = "playground.draft";

/** The composer's text, kept in localStorage so a reload or a failed run never loses it. */
export function useDraft(): [string, (text: string) => void] {
  const [draft, setDraft] = useState(() => {
    try {
      return localStorage.getItem(KEY) ?? "";
    } catch {
      return "";
    }
  });
  useEffect(() => {
    try {
      if (draft === "") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, draft);
    } catch {
      /* not kept */
    }
  }, [draft]);
  return [draft, setDraft];
}
