"use client";
import { useEffect, useState } from "react";
import type { SweepDefinition, SweepResults } from "@/lib/sweep";
import { SweepView } from "./SweepView";

interface Loaded {
  definition: SweepDefinition;
  results: SweepResults;
  notice: string | null;
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The saved sweep (validated with zod), or a first grid, temperature × seed, over the
 * playground's session. Opened with `?from=playground` the playground's session becomes the base
 * request and the axes are kept.
 */
async function load(): Promise<Loaded> {
  const storage = browserStorage();
  const [{ loadSweep }, { loadSession }] = await Promise.all([import("@/lib/sweep/storage"), import("@/lib/client/session-load")]);
  const saved = loadSweep(storage);
  const url = new URL(window.location.href);
  const fromPlayground = url.searchParams.get("from") === "playground";
  if (fromPlayground) {
    url.searchParams.delete("from");
    window.history.replaceState(window.history.state, "", url);
  }
  const { session } = loadSession(storage);
  const axes: SweepDefinition["axes"] = saved.sweep?.definition.axes ?? [
    { kind: "param", param: "temperature", values: [0, 0.5, 1, 1.5] },
    { kind: "param", param: "seed", values: [1, 2, 3] },
  ];
  if (saved.sweep && !fromPlayground) return { definition: saved.sweep.definition, results: saved.sweep.results, notice: saved.notice };
  const notice = fromPlayground ? "The playground's session is the base request of this sweep." : saved.notice;
  return { definition: { version: 1, session, axes }, results: {}, notice };
}

export function SweepPage() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (l) => live && setLoaded(l),
      (e: Error) => live && setFailed(e.message),
    );
    return () => {
      live = false;
    };
  }, []);
  if (!loaded) {
    return (
      <main className="p-6 text-sm text-zinc-500" aria-busy={!failed}>
        {failed ? <span role="alert">The sweep failed to load: {failed}. Reload the page.</span> : "Loading the sweep…"}
      </main>
    );
  }
  return <SweepView initial={loaded.definition} initialResults={loaded.results} notice={loaded.notice} />;
}
