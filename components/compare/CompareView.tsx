"use client";
import { newMessage } from "@/lib/session/state";
import { columnSession, type CompareState, MAX_COLUMNS } from "@/lib/compare/state";
import { ExportButton, ShareButton, ShareLinkPrompt } from "../share";
import { AppShell } from "../ui/AppShell";
import { CompareResults } from "./CompareResults";
import { RunningTarget } from "./RunningTarget";
import { SharedConversation } from "./SharedConversation";
import { useComparePage } from "./useComparePage";

/** The compare page once its state is loaded: shared conversation, 2–6 targets, results and diff. */
export function CompareView({ initial, notice }: { initial: CompareState; notice: string | null }) {
  const p = useComparePage(initial, notice);
  const { state, dispatch } = p;
  return (
    <AppShell
      page="compare"
      title="Compare"
      notice={p.notice}
      onDismissNotice={p.dismissNotice}
      tools={
        <>
          <ShareButton payload={p.payload} />
          <ExportButton payload={p.payload} />
          <ShareLinkPrompt apply={p.load} />
        </>
      }
    >
      <SharedConversation
        session={state.session}
        profile={p.firstProfile}
        dispatch={p.sharedDispatch}
        repeats={state.repeats}
        running={p.anyRunning}
        onRepeats={(repeats) => dispatch({ type: "setRepeats", repeats })}
        onSend={p.send}
        onStop={p.stop}
        onAdd={() => dispatch({ type: "add" })}
        canAdd={state.columns.length < MAX_COLUMNS}
      />
      <section aria-label="Compare" className="flex flex-col gap-3 overflow-x-auto pb-2 md:flex-row md:items-start">
        {state.columns.map((c, i) => (
          <RunningTarget
            key={c.id}
            column={c}
            session={columnSession(state, c)}
            round={p.round}
            stopAll={p.stopAll}
            onReport={p.onReport}
            controls={{
              index: i,
              count: state.columns.length,
              isBaseline: c.id === state.baselineId,
              dispatch: (action) => dispatch({ type: "columnAction", id: c.id, action }),
              onDuplicate: () => dispatch({ type: "duplicate", id: c.id }),
              onRemove: () => dispatch({ type: "remove", id: c.id }),
              onMove: (by) => dispatch({ type: "move", id: c.id, by }),
              onBaseline: () => dispatch({ type: "setBaseline", id: c.id }),
              onUseAnswer: (text) =>
                dispatch({ type: "sharedAction", action: { type: "addMessage", message: newMessage("assistant", text) } }),
            }}
          />
        ))}
      </section>
      <CompareResults state={state} reports={p.reports} />
    </AppShell>
  );
}
