"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { keyStore } from "@/lib/keys/store";
import { modelListNote } from "@/lib/queries/model-list";
import { modelsQuery } from "@/lib/queries/queries";
import { offersEndpoint } from "@/lib/providers";
import { Combobox, type ComboOption } from "../ui/Combobox";
import { useSession } from "./context";

/** The profile's documented models plus the provider's live /models list; any id may be typed. */
export function ModelPicker() {
  const { session, dispatch, profile, info } = useSession();
  useSyncExternalStore(keyStore.subscribe, keyStore.getVersion, () => 0);
  const key = keyStore.get(session.providerId).key;
  const canAsk =
    offersEndpoint(profile, "models") &&
    (profile.id !== "custom" || session.baseUrl.trim() !== "") &&
    (profile.auth === "none" || key !== "" || info?.hasServerKey === true || profile.id === "custom");
  const live = useQuery(modelsQuery(session.providerId, key, session.baseUrl, canAsk));
  const note = modelListNote(profile, { canAsk, isFetching: live.isFetching, error: live.error, data: live.data });
  const options = useMemo<ComboOption[]>(() => {
    const seen = new Set<string>();
    const out: ComboOption[] = [];
    for (const m of profile.models) {
      seen.add(m);
      out.push({ value: m, hint: live.data?.includes(m) ? "documented · live" : "documented" });
    }
    for (const m of live.data ?? []) if (!seen.has(m)) out.push({ value: m, hint: "live" });
    return out;
  }, [profile.models, live.data]);
  return (
    <div className="flex min-w-40 flex-1 flex-col sm:w-72 sm:flex-none">
      <Combobox
        label="Model"
        value={session.model}
        onChange={(model) => dispatch({ type: "setModel", model })}
        options={options}
        placeholder="model id"
      />
      {note && (
        <span
          role={note.tone === "muted" ? undefined : "status"}
          aria-live="polite"
          className={
            note.tone === "error"
              ? "text-xs text-red-600"
              : note.tone === "notice"
                ? "text-xs text-amber-700 dark:text-amber-400"
                : "text-xs text-zinc-500"
          }
        >
          {note.text}
        </span>
      )}
    </div>
  );
}
