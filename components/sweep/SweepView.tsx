"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { sessionReducer } from "@/lib/session/state";
import type { Session } from "@/lib/session/schema";
import { hasKeyFor } from "@/lib/keys/has-key";
import { providersQuery } from "@/lib/queries/queries";
import { CONFIRM_THRESHOLD, cellCount, expandGrid, MAX_AXES, needsConfirmation, type SweepDefinition, type SweepResults, validateSweep } from "@/lib/sweep";
import { axisFromText, axisText, TARGET_AXIS } from "@/lib/sweep/axis-text";
import { saveSweep } from "@/lib/sweep/persist";
import { browserStorage } from "@/lib/storage/browser-storage";
import type { SharePayload } from "@/lib/share";
import type { SweepHistoryEntry } from "@/lib/sweep/history";
import { sessionForColumn } from "@/lib/share/columns";
import { ShareButton, ShareLinkPrompt } from "../share";
import { ThemeToggle } from "../playground/ThemeToggle";
import { AppNav } from "../ui/AppNav";
import { Button } from "../ui/Button";
import { AxisEditor } from "./AxisEditor";
import { ExportSweep } from "./ExportSweep";
import { SweepComposer } from "./SweepComposer";
import { SweepCostLine } from "./SweepCostLine";
import { SweepHistory, useSweepHistory } from "./SweepHistory";
import { SweepMatrix } from "./SweepMatrix";
import { SweepOverlay } from "./SweepOverlay";
import { useSweepRunner } from "./useSweepRunner";
import { PageNotice } from "../ui/PageNotice";

interface Draft {
  kind: string;
  text: string;
  error: string | null;
}

const draftOf = (axis: SweepDefinition["axes"][number]): Draft => ({ kind: axis.kind === "target" ? TARGET_AXIS : axis.param, text: axisText(axis), error: null });

/** The sweep page: the base request, up to three axes, the run with its progress, and the matrix. */
export function SweepView({ initial, initialResults, initialRunId, notice }: { initial: SweepDefinition; initialResults: SweepResults; initialRunId: string | null; notice: string | null }) {
  const [drafts, setDrafts] = useState<Draft[]>(() => initial.axes.map(draftOf));
  const [base, baseDispatch] = useReducer(sessionReducer, initial.session);
  const setBase = useCallback((session: Session) => baseDispatch({ type: "replace", session }), []);
  const [ran, setRan] = useState<SweepDefinition>(initial);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState(notice);
  const runner = useSweepRunner(initialResults);
  const [runId, setRunId] = useState(initialRunId);
  const history = useSweepHistory(runId, ran, runner.results, runner.running);
  const providers = useQuery(providersQuery);

  const definition = useMemo<SweepDefinition>(() => ({ version: 1, session: base, axes: drafts.map((d) => axisFromText(d.kind, d.text).axis) }), [base, drafts]);
  const count = cellCount(definition.axes);
  const check = useMemo(
    () =>
      validateSweep(definition, {
        hasKey: (id) => hasKeyFor(id, providers.data),
      }),
    [definition, providers.data],
  );
  const draftErrors = drafts.map((d) => d.error).filter((e): e is string => e !== null);
  const noMessages = base.mode === "chat" && base.messages.length === 0 ? ["The base request has no messages: write one under 'Edit the base request' (or in the playground, then open Sweep from there)."] : [];
  const errors = [...new Set([...noMessages, ...draftErrors, ...check.errors])];

  useEffect(() => {
    const e = saveSweep(browserStorage(), { definition: ran, results: runner.results, runId });
    if (e) setNote(e);
  }, [ran, runner.results, runId]);

  const setDraft = (i: number, patch: Partial<Draft>) =>
    setDrafts((ds) =>
      ds.map((d, j) => {
        if (j !== i) return d;
        const next = { ...d, ...patch };
        return { ...next, error: axisFromText(next.kind, next.text).error };
      }),
    );
  const changeKind = (i: number, kind: string) => {
    const t = kind === TARGET_AXIS ? `${base.providerId}:${base.model}${base.baseUrl ? ` @ ${base.baseUrl}` : ""}` : "";
    setDraft(i, { kind, text: t });
  };
  const start = () => {
    setConfirming(false);
    const grid = expandGrid(definition);
    setRan(definition);
    setRunId(`s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
    runner.reset({});
    void runner.run(grid.cells);
  };
  const onRun = () => {
    if (errors.length > 0) return;
    if (needsConfirmation(count) && !confirming) return setConfirming(true);
    start();
  };
  const retry = (key: string) => {
    const cell = expandGrid(ran).cells.find((c) => c.key === key);
    if (cell) void runner.run([cell]);
  };
  const reopen = (entry: SweepHistoryEntry) => {
    setBase(entry.definition.session);
    setDrafts(entry.definition.axes.map(draftOf));
    setRan(entry.definition);
    setRunId(entry.id);
    runner.reset(entry.results);
    setNote(`Reopened the sweep from ${new Date(entry.savedAt).toLocaleString()} with its results.`);
  };
  const p = runner.progress;
  const [shade, setShade] = useState(false);
  const hasLogprobs = Object.values(runner.results).some((r) => (r.logprobs?.length ?? 0) > 0);
  const payload = useMemo<SharePayload>(() => ({ kind: "sweep", session: base, axes: definition.axes }), [base, definition.axes]);
  const load = useCallback((shared: SharePayload) => {
    const first = shared.kind === "compare" ? shared.columns[0] : undefined;
    setBase(first ? sessionForColumn(shared.session, first) : shared.session);
    if (shared.kind === "sweep") setDrafts(shared.axes.map(draftOf));
    setNote(shared.kind === "sweep" ? "Opened the shared sweep: its grid is loaded; press Run sweep to run it." : "The shared session is now the base request.");
  }, [setBase]);

  return (
    <div className="mx-auto flex min-h-screen max-w-[1800px] flex-col gap-3 p-3">
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-200 pb-2 dark:border-zinc-800">
        <h1 className="text-base font-semibold">Sweep</h1>
        <AppNav current="sweep" />
        <div className="ml-auto flex items-center gap-1">
          <ShareButton payload={payload} />
          <ShareLinkPrompt apply={load} />
          <ExportSweep definition={ran} results={runner.results} />
          <ThemeToggle />
        </div>
      </header>
      <PageNotice className="rounded" text={note} onDismiss={() => setNote(null)} />
      <section aria-label="Sweep" className="flex flex-col gap-3">
        <p className="text-sm">
          Base request: <span className="font-mono">{base.providerId}</span> · <span className="font-mono">{base.model || "(no model)"}</span> · {base.messages.length} message
          {base.messages.length === 1 ? "" : "s"} · {Object.values(base.params).filter((s) => s?.enabled).length} parameters set.
        </p>
        <SweepComposer session={base} dispatch={baseDispatch} />
        <div className="grid gap-2 md:grid-cols-3">
          {drafts.map((d, i) => (
            <AxisEditor
              // biome-ignore lint/suspicious/noArrayIndexKey: axes are only appended and removed, their position is their identity
              key={i}
              index={i}
              axis={definition.axes[i] ?? { kind: "param", param: "temperature", values: [] }}
              text={d.text}
              error={d.error}
              onKind={(k) => changeKind(i, k)}
              onText={(text) => setDraft(i, { text })}
              onRemove={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}
              canRemove={drafts.length > 1}
            />
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button disabled={drafts.length >= MAX_AXES} onClick={() => setDrafts((ds) => [...ds, { kind: "seed", text: "1..3", error: null }])}>
            Add axis
          </Button>
          <Button variant="primary" disabled={runner.running || errors.length > 0 || count === 0} onClick={onRun}>
            Run sweep
          </Button>
          <Button variant="danger" disabled={!runner.running} onClick={runner.cancel}>
            Cancel all
          </Button>
          <span data-testid="cell-count" className="text-sm">
            This grid sends {count} request{count === 1 ? "" : "s"}.
          </span>
        </div>
        {confirming && (
          <div role="alertdialog" aria-label="Confirm sweep" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950">
            <span>
              This sends {count} requests (more than {CONFIRM_THRESHOLD}). Run them?
            </span>
            <Button variant="primary" onClick={start}>
              Run {count} requests
            </Button>
            <Button onClick={() => setConfirming(false)}>Not now</Button>
          </div>
        )}
        {errors.length > 0 && (
          <ul role="alert" className="list-disc pl-5 text-sm text-red-700 dark:text-red-400">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {check.warnings.length > 0 && (
          <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
            {check.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        <p role="status" className="text-sm">
          {p ? `${p.done} done · ${p.failed} failed · ${p.cancelled} cancelled · ${p.remaining} remaining` : "Not run yet in this tab."}
        </p>
        {hasLogprobs && (
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={shade} onChange={(e) => setShade(e.target.checked)} />
            Shade by probability
          </label>
        )}
        <SweepMatrix definition={ran} results={runner.results} onRetry={retry} shade={shade} />
        <SweepOverlay definition={ran} results={runner.results} />
        <SweepCostLine definition={ran} results={runner.results} />
        <SweepHistory entries={history.entries} notice={history.notice} currentId={runId} onOpen={reopen} onClear={history.clear} />
      </section>
    </div>
  );
}
