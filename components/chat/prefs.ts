"use client";
import { useSyncExternalStore } from "react";
import { browserStorage, readStored, type StoreSchema, writeStored } from "@/lib/storage/browser-storage";

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

/**
 * Each stored choice that is a boolean, over the defaults: one odd field (or an old format) costs
 * only that field. Hand-written rather than zod, which this page does not load up front.
 */
const prefsSchema: StoreSchema<ViewPrefs> = {
  safeParse(data) {
    const p = (data && typeof data === "object" ? data : {}) as Partial<Record<keyof ViewPrefs, unknown>>;
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as (keyof ViewPrefs)[]) {
      const v = p[k];
      if (typeof v === "boolean") out[k] = v;
    }
    return { success: true, data: out };
  },
};

/** Damaged or refused storage gives the defaults: these are conveniences, not worth a notice. */
function read(): ViewPrefs {
  if (current) return current;
  const stored = readStored(browserStorage(), KEY, prefsSchema);
  current = stored.kind === "ok" ? stored.value : defaults;
  return current;
}

export function setViewPref<K extends keyof ViewPrefs>(key: K, value: ViewPrefs[K]): void {
  current = { ...read(), [key]: value };
  writeStored(browserStorage(), KEY, current); // where storage refuses, kept for this tab only
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useViewPrefs(): ViewPrefs {
  return useSyncExternalStore(subscribe, read, () => defaults);
}
