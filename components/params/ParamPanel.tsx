"use client";
import { splitDocumented } from "@/lib/checks/param-check";
import type { ParamName } from "@/lib/params/catalog";
import { useSession } from "../playground/context";
import { ExtraBodyEditor } from "./ExtraBodyEditor";
import { ParamField } from "./ParamField";
import { PresetParams } from "./PresetParams";
import { SecretBodyFields } from "./SecretBodyFields";

/**
 * Every parameter of the catalogue, unset until the user sets it. Those the chosen provider
 * documents come first; the rest are shown apart, still sendable. `stream` is always on top.
 */
export function ParamPanel() {
  const { profile, session } = useSession();
  const { documented, undocumented } = splitDocumented(profile);
  const setCount = Object.values(session.params).filter((p) => p?.enabled).length;
  const first = (list: ParamName[]) => ["stream" as const, ...list.filter((n) => n !== "stream")];
  const docList = documented.includes("stream") ? first(documented) : documented;
  const undocList = undocumented.includes("stream") ? first(undocumented) : undocumented;
  return (
    <aside
      aria-label="Parameters"
      className="flex min-w-0 flex-col gap-3 lg:sticky lg:top-0 lg:max-h-screen lg:overflow-y-auto lg:pr-1 lg:pb-4"
    >
      <div className="flex items-baseline justify-between">
        <h2 className="text-sm font-semibold">Parameters</h2>
        <span className="text-xs text-zinc-500">{setCount === 0 ? "none set: the provider's defaults apply" : `${setCount} set`}</span>
      </div>
      {profile.caveat && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
        >
          {profile.name}’s page: “{profile.caveat}”
        </p>
      )}
      {docList.length > 0 && (
        <section aria-label={`Documented for ${profile.name}`} className="flex flex-col gap-2">
          <h3 className="text-xs font-medium text-zinc-500 uppercase">Documented for {profile.name}</h3>
          {docList.map((n) => (
            <ParamField key={n} name={n} />
          ))}
          <SecretBodyFields />
        </section>
      )}
      {undocList.length > 0 && (
        <section
          aria-label={`Not documented for ${profile.name}`}
          className="flex flex-col gap-2 border-t border-dashed border-zinc-300 pt-2 dark:border-zinc-700"
        >
          <h3 className="text-xs font-medium text-zinc-500 uppercase">Not documented for {profile.name}</h3>
          <p className="text-xs text-zinc-500">Still sendable; the provider may ignore or reject them.</p>
          {undocList.map((n) => (
            <ParamField key={n} name={n} undocumented />
          ))}
        </section>
      )}
      <PresetParams />
      <ExtraBodyEditor />
    </aside>
  );
}
