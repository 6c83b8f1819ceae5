"use client";
import { browserStorage } from "@/lib/storage/browser-storage";
import { useCallback, useRef, useState } from "react";
import { rememberRun } from "@/lib/run/history";
import { keyStore } from "@/lib/keys/store";
import { computeMetrics } from "@/lib/stream/metrics";
import { prepareRequest } from "@/lib/request/prepare";
import { requestedSchema, validateAgainstSchema } from "@/lib/checks/schema-check";
import type { RunSample } from "@/lib/compare/results";
import type { RunView } from "@/lib/run/schema";
import type { Session } from "@/lib/session/schema";
import { useRun } from "../playground/useRun";

async function sampleOf(view: RunView): Promise<RunSample> {
  const m = computeMetrics(view);
  const first = view.choices[0];
  const schema = requestedSchema(view.session);
  const failed = view.state !== "done";
  return {
    ttftMs: m.ttftMs,
    totalMs: m.totalMs,
    tokensPerSecond: m.tokensPerSecond,
    promptTokens: m.promptTokens,
    completionTokens: m.completionTokens,
    finishReason: first?.finishReason ?? null,
    answerLength: first?.text.length ?? 0,
    schemaHeld: schema === undefined || failed ? null : (await validateAgainstSchema(schema, first?.text ?? "")).valid,
    failed,
  };
}

/** Compare runs go into the playground's history too, like its own runs (keys never do). */
async function remember(view: RunView) {
  const { loadHistory } = await import("@/lib/run/history-schema");
  rememberRun(browserStorage(), loadHistory(browserStorage()), view);
}

/**
 * One compare target's runs: `runAll` sends its request `repeats` times in a row (each run
 * streams into the column as in the playground) and collects a sample of each for the results
 * table; `stop` ends the current run and the ones still to come.
 */
export function useTargetRunner() {
  const [samples, setSamples] = useState<RunSample[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const generation = useRef(0);
  const run = useRun();

  const runAll = useCallback(
    async (session: Session, repeats: number) => {
      const mine = ++generation.current;
      setSamples([]);
      const p = prepareRequest(session, keyStore.get(session.providerId).key);
      if (p.built.errors.length) {
        setProblem(p.built.errors.join(" "));
        return;
      }
      setProblem(null);
      for (let i = 0; i < repeats && generation.current === mine; i++) {
        const view = await run.start({
          session,
          url: p.url,
          requestText: p.built.text,
          sendText: p.sendText,
          headers: p.headers,
          shownHeaders: p.shownHeaders,
        });
        if (!view || generation.current !== mine) return;
        void remember(view);
        const sample = await sampleOf(view);
        setSamples((s) => [...s, sample]);
        if (view.state === "stopped") return;
      }
    },
    [run.start],
  );

  const stop = useCallback(() => {
    generation.current++;
    run.stop();
  }, [run.stop]);

  return { view: run.view, running: run.running, samples, problem, runAll, stop };
}
