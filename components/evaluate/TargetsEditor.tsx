"use client";
import type { EvalAction } from "@/lib/evaluate/state";
import { MAX_EVAL_TARGETS, type Evaluation } from "@/lib/evaluate/schema";
import { sessionForColumn } from "@/lib/compare/columns";
import { TargetEditor } from "../compare/TargetEditor";
import { Button } from "../ui/Button";

/** The targets, each edited with compare's target editor; one is enough, six at most. */
export function TargetsEditor({ evaluation, dispatch }: { evaluation: Evaluation; dispatch: (a: EvalAction) => void }) {
  const { targets } = evaluation;
  return (
    <section aria-label="Targets" className="flex flex-col gap-2">
      <h2 className="text-sm font-semibold">Targets</h2>
      <div className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
        {targets.map((t, i) => {
          const name = `Target ${i + 1}`;
          return (
            <section
              key={t.id}
              aria-label={name}
              className="flex min-w-0 flex-col gap-2 rounded-lg border border-zinc-200 p-2 dark:border-zinc-800"
            >
              <TargetEditor
                name={name}
                session={sessionForColumn(evaluation.session, t)}
                dispatch={(action) => dispatch({ type: "target", id: t.id, action })}
                header={
                  <header className="flex items-center gap-1">
                    <h3 className="mr-auto text-sm font-semibold">{name}</h3>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={targets.length <= 1}
                      onClick={() => dispatch({ type: "removeTarget", id: t.id })}
                    >
                      Remove target
                    </Button>
                  </header>
                }
              />
            </section>
          );
        })}
      </div>
      <div>
        <Button disabled={targets.length >= MAX_EVAL_TARGETS} onClick={() => dispatch({ type: "addTarget" })}>
          Add target
        </Button>
      </div>
    </section>
  );
}
