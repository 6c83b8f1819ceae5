"use client";
import { initialCompare, type CompareState } from "@/lib/compare/state";
import { browserStorage } from "@/lib/storage/browser-storage";
import { ClientLoad } from "../ui/ClientLoad";
import { takeFrom } from "../ui/take-from";
import { CompareView } from "./CompareView";

interface Loaded {
  state: CompareState;
  notice: string | null;
}

/**
 * Reads the saved compare view (validated with zod, loaded outside the first-load JavaScript).
 * Opened with `?from=playground`, it starts from the playground's current session: its
 * conversation, and its target in the first column.
 */
async function load(): Promise<Loaded> {
  const storage = browserStorage();
  const [{ loadCompare }, { loadSession }, { columnFrom }] = await Promise.all([
    import("@/lib/compare/schema"),
    import("@/lib/session/load"),
    import("@/lib/compare/state"),
  ]);
  const saved = loadCompare(storage);
  if (takeFrom(["playground"]) !== "playground") {
    return { state: saved.state ?? initialCompare(loadSession(storage).session), notice: saved.notice };
  }
  const { session } = loadSession(storage);
  if (!saved.state)
    return {
      state: initialCompare(session),
      notice: "Started from the playground's session: both targets use its provider, model and parameters.",
    };
  const [first, ...rest] = saved.state.columns;
  const columns = [columnFrom(session, first?.id), ...rest];
  return {
    state: { ...saved.state, session, columns },
    notice: "Took the playground's conversation, and its target as Target 1; the other targets are kept.",
  };
}

export function ComparePage() {
  return (
    <ClientLoad load={load} what="compare view">
      {(l) => <CompareView initial={l.state} notice={l.notice} />}
    </ClientLoad>
  );
}
