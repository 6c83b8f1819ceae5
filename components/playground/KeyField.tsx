"use client";
import { useId, useState, useSyncExternalStore } from "react";
import { keyStore, maskKey } from "@/lib/keys/store";
import { inputClass } from "../ui/fields";
import { useSession } from "./context";

/**
 * "Use my own key" for the chosen provider. Kept in this tab's memory unless "remember" is
 * ticked (then localStorage); sent only to the proxy as Authorization; shown masked.
 */
export function KeyField() {
  const { session, profile } = useSession();
  const id = useId();
  useSyncExternalStore(keyStore.subscribe, keyStore.getVersion, () => 0);
  const entry = keyStore.get(session.providerId);
  const [reveal, setReveal] = useState(false);
  if (profile.auth === "none") return null;
  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <label htmlFor={`${id}-key`} className="text-xs whitespace-nowrap">
          Use my own key
        </label>
        <input
          id={`${id}-key`}
          type={reveal ? "text" : "password"}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} min-w-0 flex-[1_1_11rem] font-mono text-xs`}
          placeholder={`${profile.name} API key`}
          aria-describedby={`${id}-state`}
          value={entry.key}
          onChange={(e) => keyStore.set(session.providerId, e.target.value.trim(), entry.remember)}
        />
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={entry.remember} onChange={(e) => keyStore.set(session.providerId, entry.key, e.target.checked)} />
          remember
        </label>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} />
          show
        </label>
      </div>
      <span id={`${id}-state`} className="text-xs text-zinc-500">
        {entry.key
          ? `${maskKey(entry.key)} · ${entry.remember ? "kept in this browser" : "in memory only"}`
          : profile.keyEnv
            ? `or the server's ${profile.keyEnv}`
            : "no key"}
      </span>
    </div>
  );
}
