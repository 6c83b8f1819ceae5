"use client";
import { useSession } from "../playground/context";
import { inputClass } from "../ui/fields";

/** System prompt (chat mode) or the legacy completions prompt, with the mode switch. */
export function SystemPrompt() {
  const { session, dispatch, profile } = useSession();
  const offersCompletions = profile.endpoints.includes("completions");
  return (
    <section className="flex flex-col gap-1" aria-label="Setup">
      <div className="flex items-center gap-3 text-sm">
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Mode</legend>
          <label className="flex items-center gap-1">
            <input
              type="radio"
              name="mode"
              checked={session.mode === "chat"}
              onChange={() => dispatch({ type: "setMode", mode: "chat" })}
            />
            Chat
          </label>
          <label className="flex items-center gap-1" title={offersCompletions ? undefined : `${profile.name} does not offer /completions`}>
            <input
              type="radio"
              name="mode"
              disabled={!offersCompletions}
              checked={session.mode === "completions"}
              onChange={() => dispatch({ type: "setMode", mode: "completions" })}
            />
            Completions (legacy)
          </label>
        </fieldset>
      </div>
      {session.mode === "chat" ? (
        <>
          <label htmlFor="system-prompt" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            System prompt
          </label>
          <textarea
            id="system-prompt"
            rows={2}
            className={inputClass}
            placeholder="You are a helpful assistant."
            value={session.systemPrompt}
            onChange={(e) => dispatch({ type: "setSystemPrompt", text: e.target.value })}
          />
        </>
      ) : null}
    </section>
  );
}
