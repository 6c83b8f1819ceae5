import type { ProviderId } from "../providers";
import { browserStorage, readText, removeStored, type StorageLike, writeText } from "../storage/browser-storage";

/**
 * The user's own API keys. Held in memory (this module) by default; written to localStorage
 * only when the user ticks "remember", and removed from it when they untick it. Keys never go
 * into the session, the history or the raw request view. Where storage refuses, a remembered
 * key is kept for this tab only.
 */
export type { StorageLike };

export const keyStorageName = (id: ProviderId | string) => `playground.keys.${id}`;

export interface KeyEntry {
  key: string;
  remember: boolean;
}

export class KeyStore {
  private readonly memory = new Map<string, KeyEntry>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly storage: () => StorageLike | null) {}

  get(id: string): KeyEntry {
    const inMemory = this.memory.get(id);
    if (inMemory) return inMemory;
    const stored = readText(this.storage(), keyStorageName(id));
    return stored ? { key: stored, remember: true } : { key: "", remember: false };
  }

  set(id: string, key: string, remember: boolean): void {
    this.memory.set(id, { key, remember });
    const s = this.storage();
    if (remember && key !== "") writeText(s, keyStorageName(id), key);
    else removeStored(s, keyStorageName(id));
    this.version++;
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;
}

/** `sk-abc…wxyz`: enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  if (key === "") return "";
  if (key.length <= 8) return "•".repeat(key.length);
  return `${key.slice(0, 3)}…${key.slice(-4)}`;
}

/** The one store of this tab. */
export const keyStore = new KeyStore(browserStorage);
