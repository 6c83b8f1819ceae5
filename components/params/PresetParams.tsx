"use client";
import { presetFor, withExtraField } from "@/lib/providers/presets";
import { useSession } from "../playground/context";

/**
 * For a custom base URL that is one of the presets (vLLM, llama.cpp server, Ollama, LM Studio,
 * OpenRouter): the fields its documentation adds to OpenAI's, each addable to the extra body,
 * and the page they come from.
 */
export function PresetParams() {
  const { session, dispatch } = useSession();
  if (session.providerId !== "custom") return null;
  const preset = presetFor(session.baseUrl);
  if (!preset) return null;
  const add = (name: string, value: unknown) => {
    const next = withExtraField(session.extraBody, name, value);
    if (next !== null) dispatch({ type: "setExtraBody", text: next });
  };
  return (
    <section
      aria-label={`${preset.name} parameters`}
      className="flex flex-col gap-1 rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800"
    >
      <h3 className="font-medium">
        {preset.name}:{" "}
        <a className="text-indigo-700 underline dark:text-indigo-300" href={preset.docs} target="_blank" rel="noreferrer">
          its documentation
        </a>
      </h3>
      {preset.note && <p className="text-zinc-500">{preset.note}</p>}
      {preset.extraParams.map((p) => (
        <div key={p.name} className="flex items-start gap-2">
          <button
            type="button"
            className="shrink-0 rounded border border-zinc-300 px-1.5 font-mono hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            aria-label={`Add ${p.name} to the extra body`}
            onClick={() => add(p.name, p.example)}
          >
            + {p.name}
          </button>
          <span className="text-zinc-500">{p.help}</span>
        </div>
      ))}
    </section>
  );
}
