"use client";
import type { StoredEvaluation } from "@/lib/evaluate/persist";
import { browserStorage } from "@/lib/storage/browser-storage";
import { ClientLoad } from "../ui/ClientLoad";
import { takeFrom } from "../ui/take-from";
import { EvaluateView } from "./EvaluateView";

interface Loaded {
  stored: StoredEvaluation;
  notice: string | null;
}

/**
 * The saved evaluation (validated with zod), or a first one over the playground's session.
 * Opened from the navigation (`?from=playground` or `?from=compare`) that page's conversation
 * becomes the template: from the playground its target replaces Target 1, from compare its
 * targets become the targets. Cases and assertions are kept.
 */
async function load(): Promise<Loaded> {
  const storage = browserStorage();
  const [{ loadEvaluation }, { loadSession }, { initialEvaluation }, { columnFrom }] = await Promise.all([
    import("@/lib/evaluate/storage"),
    import("@/lib/session/load"),
    import("@/lib/evaluate/state"),
    import("@/lib/compare/state"),
  ]);
  const saved = loadEvaluation(storage);
  const from = takeFrom(["playground", "compare"]);
  const empty = (definition: StoredEvaluation["definition"]): StoredEvaluation => ({
    definition,
    ran: saved.stored?.ran ?? null,
    results: saved.stored?.results ?? {},
    runId: saved.stored?.runId ?? null,
  });
  if (from === "compare") {
    const { loadCompare } = await import("@/lib/compare/schema");
    const { state, notice } = loadCompare(storage);
    if (state) {
      const base = saved.stored?.definition ?? initialEvaluation(state.session);
      return {
        stored: empty({ ...base, session: state.session, targets: state.columns }),
        notice: "The compare view's conversation is the template, and its targets are the targets.",
      };
    }
    if (notice) return { stored: saved.stored ?? empty(initialEvaluation(loadSession(storage).session)), notice };
  }
  if (from === "playground" || !saved.stored) {
    const { session } = loadSession(storage);
    if (!saved.stored) return { stored: empty(initialEvaluation(session)), notice: saved.notice };
    const [first, ...rest] = saved.stored.definition.targets;
    const targets = [columnFrom(session, first?.id), ...rest];
    return {
      stored: { ...saved.stored, definition: { ...saved.stored.definition, session, targets } },
      notice:
        "The playground's conversation is the template, and its target is Target 1; cases, assertions and the other targets are kept.",
    };
  }
  return { stored: saved.stored, notice: saved.notice };
}

export function EvaluatePage() {
  return (
    <ClientLoad load={load} what="evaluation">
      {(l) => <EvaluateView initial={l.stored} notice={l.notice} />}
    </ClientLoad>
  );
}
