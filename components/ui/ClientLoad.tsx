"use client";
import { type ReactNode, useEffect, useState } from "react";

/**
 * Renders `children(value)` once `load` (run once, in the browser) resolves: the pages read and
 * validate what localStorage holds before they show anything, with zod loaded on demand.
 */
export function ClientLoad<T>({ load, what, children }: { load: () => Promise<T>; what: string; children: (value: T) => ReactNode }) {
  const [state, setState] = useState<{ value: T } | { error: string } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per mount, whatever `load` is
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ value }),
      (e: Error) => live && setState({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, []);
  if (state && "value" in state) return children(state.value);
  return (
    <main className="p-6 text-sm text-zinc-500" aria-busy={!state}>
      {state ? (
        <span role="alert">
          The {what} failed to load: {state.error}. Reload the page.
        </span>
      ) : (
        `Loading the ${what}…`
      )}
    </main>
  );
}
