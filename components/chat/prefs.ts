"use client";
import { useSyncExternalStore } from "react";

/** How answers are shown; one choice for the whole page, remembered in localStorage. */
export interface ViewPrefs {
  markdown: boolean;
  sideBySide: boolean;
  shadeLogprobs: boolean;
}

const KEY = "playground.view";
const defaults: ViewPrefs = { markdown: true, sideBySide: false, shadeLogprobs: true };
let current: ViewPrefs | null = null;
const listeners = new Set<() => void>();

function read(): ViewPrefs {
  if (current) return current;
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<ViewPrefs> | null;
    current = { ...defaults, ...(parsed && typeof parsed === "object" ? pick(parsed) : {}) };
  } catch {
    current = defaults;
  }
  return current;
}

function pick(p: Partial<ViewPrefs>): Partial<ViewPrefs> {
  const out: Partial<ViewPrefs> = {};
  for (const k of Object.keys(defaults) as (keyof ViewPrefs)[]) if (typeof p[k] === "boolean") out[k] = p[k];
  return out;
}

export function setViewPref<K extends keyof ViewPrefs>(key: K, value: ViewPrefs[K]): void {
  current = { ...read(), [key]: value };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    /* kept for this tab only */
  }
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useViewPrefs(): ViewPrefs {
  return useSyncExternalStore(subscribe, read, () => defaults);
}
