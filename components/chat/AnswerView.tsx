"use client";
import { requestedSchema } from "@/lib/checks/schema-check";
import type { RunView } from "@/lib/run/schema";
import { useColumnRun, useRunContext } from "../playground/context";
import { Button } from "../ui/Button";
import { Tabs } from "../ui/Tabs";
import { ChoiceView } from "./ChoiceView";
import { setViewPref, useViewPrefs, type ViewPrefs } from "./prefs";

/** The answer of the current run: state, error, choices (tabs or side by side), view toggles. */
export function AnswerView({ editable = false }: { editable?: boolean }) {
  const { view, choiceIndex, selectChoice } = useColumnRun();
  const prefs = useViewPrefs();
  if (!view) return null;
  const finished = view.state !== "running";
  const schema = requestedSchema(view.session);
  const hasLogprobs = view.choices.some((c) => c.logprobCount > 0);
  const choices = view.choices;
  return (
    <div className="flex flex-col gap-2" aria-busy={!finished}>
      <AnswerToolbar view={view} prefs={prefs} hasLogprobs={hasLogprobs} multi={choices.length > 1} editable={editable} />
      <RunError view={view} />
      {choices.length === 0 && !finished && <p className="text-sm text-zinc-500">Waiting for the first token…</p>}
      {choices.length === 1 && choices[0] && <ChoiceView choice={choices[0]} prefs={prefs} finished={finished} schema={schema} />}
      {choices.length > 1 &&
        (prefs.sideBySide ? (
          <div className="grid gap-3" style={{ gridTemplateColumns: `repeat(${Math.min(choices.length, 4)}, minmax(0, 1fr))` }}>
            {choices.map((c) => (
              <section
                key={c.index}
                aria-label={`Choice ${c.index + 1}`}
                className="min-w-0 rounded-md border border-zinc-200 p-2 dark:border-zinc-800"
              >
                <h3 className="mb-1 text-xs font-semibold">Choice {c.index + 1}</h3>
                <ChoiceView choice={c} prefs={prefs} finished={finished} schema={schema} />
              </section>
            ))}
          </div>
        ) : (
          <Tabs
            label="Choices"
            value={String(choiceIndex)}
            onChange={(id) => selectChoice(Number(id))}
            items={choices.map((c, i) => ({
              id: String(i),
              label: `Choice ${c.index + 1}`,
              content: <ChoiceView choice={c} prefs={prefs} finished={finished} schema={schema} />,
            }))}
          />
        ))}
    </div>
  );
}

function AnswerToolbar({
  view,
  prefs,
  hasLogprobs,
  multi,
  editable,
}: {
  view: RunView;
  prefs: ViewPrefs;
  hasLogprobs: boolean;
  multi: boolean;
  editable: boolean;
}) {
  const label =
    view.state === "running"
      ? view.streamed
        ? "streaming…"
        : "waiting…"
      : view.state === "stopped"
        ? "stopped by you"
        : view.state === "error" && view.choices.some((c) => c.text)
          ? "interrupted"
          : view.state === "error"
            ? "failed"
            : "done";
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-zinc-500">
      <span data-state={view.state} className={view.state === "error" ? "font-semibold text-red-600" : undefined}>
        {label}
      </span>
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={prefs.markdown} onChange={(e) => setViewPref("markdown", e.target.checked)} />
        Markdown
      </label>
      {multi && (
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={prefs.sideBySide} onChange={(e) => setViewPref("sideBySide", e.target.checked)} />
          Side by side
        </label>
      )}
      {hasLogprobs && (
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={prefs.shadeLogprobs} onChange={(e) => setViewPref("shadeLogprobs", e.target.checked)} />
          Shade by probability
        </label>
      )}
      {editable && <EditTextButton />}
    </div>
  );
}

/** Only the playground links an answer to its message, so only there can it become text again. */
function EditTextButton() {
  const { unlink } = useRunContext();
  return (
    <Button size="sm" variant="ghost" onClick={unlink}>
      Edit text
    </Button>
  );
}

function RunError({ view }: { view: RunView }) {
  if (!view.error) return null;
  const e = view.error;
  const head = e.status ? `HTTP ${e.status}` : e.kind === "network" ? "Unreachable" : "Error";
  const what =
    e.kind === "interrupted" || e.kind === "upstream"
      ? "The stream broke off"
      : e.kind === "bad-line"
        ? "The stream sent a line that is not JSON"
        : e.kind === "bad-body"
          ? "The response is not JSON"
          : "The provider answered with an error";
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">
        {head} · {what}
        {e.type ? ` (${e.type}${e.code ? `, ${e.code}` : ""})` : ""}
      </p>
      <p className="break-words whitespace-pre-wrap">{e.message}</p>
    </div>
  );
}
