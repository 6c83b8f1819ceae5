"use client";
import { browserStorage } from "@/lib/storage/browser-storage";
import { useCallback, useEffect, useState } from "react";
import { findPrice, type Price, PRICES_EVENT, PRICES_KEY, type PriceEntry } from "@/lib/pricing/prices";

/**
 * The user's price table, the same on every page and tab: a change here fires PRICES_EVENT for
 * this tab, and other tabs hear the storage event. zod (in lib/pricing/storage) loads on demand.
 */
export function usePrices() {
  const [entries, setEntries] = useState<PriceEntry[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    const read = () =>
      void import("@/lib/pricing/storage").then(({ loadPrices }) => {
        const loaded = loadPrices(browserStorage());
        setEntries(loaded.entries);
        setNotice(loaded.notice);
      });
    const onStorage = (e: StorageEvent) => e.key === PRICES_KEY && read();
    read();
    window.addEventListener(PRICES_EVENT, read);
    window.addEventListener("storage", onStorage);
    return () => {
      window.removeEventListener(PRICES_EVENT, read);
      window.removeEventListener("storage", onStorage);
    };
  }, []);
  const save = useCallback(async (next: PriceEntry[]) => {
    setEntries(next);
    const { savePrices } = await import("@/lib/pricing/storage");
    setNotice(savePrices(browserStorage(), next));
    window.dispatchEvent(new Event(PRICES_EVENT));
  }, []);
  const priceOf = useCallback((providerId: string, model: string): Price | null => findPrice(entries, providerId, model), [entries]);
  return { entries, notice, save, priceOf };
}
