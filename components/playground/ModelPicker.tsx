"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { keyStore } from "@/lib/client/keys";
import { modelsQuery } from "@/lib/client/queries";
import { Combobox, type ComboOption } from "../ui/Combobox";
import { useSession } from "./context";

/** The profile's documented models plus the provider's live /models list; any id may be typed. */
export function ModelPicker() {
  const { session, dispatch, profile, info } = useSession();
  useSyncExternalStore(keyStore.subscribe, keyStore.getVersion, () => 0);
  const key = keyStore.get(session.providerId).key;
  const canAsk =
    profile.endpoints.includes("models") &&
    (profile.id !== "custom" || session.baseUrl.trim() !== "") &&
    (profile.auth === "none" || key !== "" || info?.hasServerKey === true || profile.id === "custom");
  const live = useQuery(modelsQuery(session.providerId, key, session.baseUrl, canAsk));
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
    <div className="flex w-72 max-w-full flex-col">
      <Combobox
        label="Model"
        value={session.model}
        onChange={(model) => dispatch({ type: "setModel", model })}
        options={options}
        placeholder="model id"
      />
      <span className="text-xs text-zinc-500" aria-live="polite">
        {live.isFetching
          ? "loading models…"
          : live.error
            ? null
            : live.data
              ? `${live.data.length} live model${live.data.length === 1 ? "" : "s"}`
              : canAsk
                ? null
                : "live list needs a key"}
      </span>
      {live.error && (
        <span role="status" className="text-xs text-red-600">
          Models: {(live.error as Error).message}
        </span>
      )}
    </div>
  );
}
