"use client";
import { useEffect, useState } from "react";
import { browserStorage, readText, removeStored, writeText } from "@/lib/storage/browser-storage";

const KEY = "playground.draft";

/** The composer's text, kept in localStorage so a reload or a failed run never loses it. */
export function useDraft(): [string, (text: string) => void] {
  const [draft, setDraft] = useState(() => readText(browserStorage(), KEY) ?? "");
  useEffect(() => {
    // where storage refuses or is full the draft is not kept past this tab; nothing else is lost
    if (draft === "") removeStored(browserStorage(), KEY);
    else writeText(browserStorage(), KEY, draft);
  }, [draft]);
  return [draft, setDraft];
}
