"use client";
import { useId } from "react";
import { PROFILES } from "@/lib/providers";
import { inputClass } from "../ui/fields";
import { HiddenLabel } from "../ui/HiddenLabel";
import { useSession } from "./context";

/** Base URL of an OpenAI-compatible server, with the registry's presets. */
export function BaseUrlField() {
  const { session, dispatch } = useSession();
  const presets = PROFILES.custom.presets ?? [];
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-1">
      <HiddenLabel htmlFor={id}>Base URL</HiddenLabel>
      <input
        id={id}
        className={`${inputClass} w-64 font-mono text-xs`}
        placeholder="http://localhost:11434/v1"
        value={session.baseUrl}
        spellCheck={false}
        onChange={(e) => dispatch({ type: "setBaseUrl", baseUrl: e.target.value })}
      />
      <select
        aria-label="Base URL preset"
        className={`${inputClass} w-36`}
        value=""
        onChange={(e) => e.target.value && dispatch({ type: "setBaseUrl", baseUrl: e.target.value })}
      >
        <option value="">Presets…</option>
        {presets.map((p) => (
          <option key={p.name} value={p.baseUrl}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
