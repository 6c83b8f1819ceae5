"use client";
import { useEffect, useRef } from "react";
import type { RunSample } from "@/lib/compare/results";
import type { CompareColumn } from "@/lib/share/schema";
import type { Session } from "@/lib/session/schema";
import { TargetColumn, type TargetControls } from "./TargetColumn";
import { useTargetRunner } from "./useTargetRunner";

export interface TargetReport {
  samples: RunSample[];
  running: boolean;
  /** The raw body of the current run, for the diff's "differs in parameters". */
  requestText: string | null;
  answer: string;
}

export interface Round {
  /** Increases with every Send; 0 before the first. */
  id: number;
  repeats: number;
}

interface Props {
  column: CompareColumn;
  session: Session;
  round: Round;
  /** Increases with every Stop (all targets). */
  stopAll: number;
  controls: Omit<TargetControls, "onStop" | "onRetry">;
  onReport: (id: string, report: TargetReport) => void;
}

/** A column with its own runner: Send and Stop reach it as new round and stop numbers. */
export function RunningTarget({ column, session, round, stopAll, controls, onReport }: Props) {
  const runner = useTargetRunner();
  const latest = useRef({ session, repeats: round.repeats });
  latest.current = { session, repeats: round.repeats };
  const { runAll, stop } = runner;

  useEffect(() => {
    if (round.id > 0) void runAll(latest.current.session, latest.current.repeats);
  }, [round.id, runAll]);
  useEffect(() => {
    if (stopAll > 0) stop();
  }, [stopAll, stop]);

  const answer = runner.view?.state === "done" ? (runner.view.choices[0]?.text ?? "") : "";
  const requestText = runner.view?.requestText ?? null;
  useEffect(() => {
    onReport(column.id, { samples: runner.samples, running: runner.running, requestText, answer });
  }, [column.id, runner.samples, runner.running, requestText, answer, onReport]);

  return (
    <TargetColumn
      column={column}
      session={session}
      view={runner.view}
      running={runner.running}
      problem={runner.problem}
      controls={{ ...controls, onStop: stop, onRetry: () => void runAll(latest.current.session, latest.current.repeats) }}
    />
  );
}
