"use client";
import type { Session } from "@/lib/session/schema";
import type { SweepDefinition, SweepResults } from "@/lib/sweep";
import { browserStorage, type StorageLike } from "@/lib/storage/browser-storage";
import { ClientLoad } from "../ui/ClientLoad";
import { takeFrom } from "../ui/take-from";
import { SweepView } from "./SweepView";

interface Loaded {
  definition: SweepDefinition;
  results: SweepResults;
  runId: string | null;
  notice: string | null;
}

/**
 * The compare view's request as a session: its conversation with the baseline target. Null
 * when no compare view is stored (or it is damaged), with the reason.
 */
async function compareSession(storage: StorageLike | null): Promise<{ session: Session | null; notice: string | null }> {
  const [{ loadCompare }, { columnSession }] = await Promise.all([import("@/lib/compare/schema"), import("@/lib/compare/state")]);
  const { state, notice } = loadCompare(storage);
  const baseline = state?.columns.find((c) => c.id === state.baselineId);
  if (!state || !baseline)
    return { session: null, notice: notice ?? "No compare view is saved in this browser; the playground's session is the base request." };
  return { session: columnSession(state, baseline), notice: null };
}

/**
 * The saved sweep (validated with zod), or a first grid, temperature × seed, over the
 * playground's session. Opened with `?from=playground` (or `?from=compare`: the compare view's
 * conversation with its baseline target) that session becomes the base request and the axes are kept.
 */
async function load(): Promise<Loaded> {
  const storage = browserStorage();
  const [{ loadSweep }, { loadSession }] = await Promise.all([import("@/lib/sweep/storage"), import("@/lib/session/load")]);
  const saved = loadSweep(storage);
  const from = takeFrom(["playground", "compare"]);
  if (saved.sweep && from === null)
    return { definition: saved.sweep.definition, results: saved.sweep.results, runId: saved.sweep.runId ?? null, notice: saved.notice };
  const axes: SweepDefinition["axes"] = saved.sweep?.definition.axes ?? [
    { kind: "param", param: "temperature", values: [0, 0.5, 1, 1.5] },
    { kind: "param", param: "seed", values: [1, 2, 3] },
  ];
  const compare = from === "compare" ? await compareSession(storage) : null;
  const session = compare?.session ?? loadSession(storage).session;
  const notice = compare?.session
    ? "The compare view's conversation with its baseline target is the base request of this sweep."
    : (compare?.notice ?? (from === "playground" ? "The playground's session is the base request of this sweep." : saved.notice));
  return { definition: { version: 1, session, axes }, results: {}, runId: null, notice };
}

export function SweepPage() {
  return (
    <ClientLoad load={load} what="sweep">
      {(l) => <SweepView initial={l.definition} initialResults={l.results} initialRunId={l.runId} notice={l.notice} />}
    </ClientLoad>
  );
}
