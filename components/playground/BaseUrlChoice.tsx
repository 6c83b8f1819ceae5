"use client";
import { useId } from "react";
import { baseUrlChoices } from "@/lib/providers/base-urls";
import { inputClass } from "../ui/fields";
import { HiddenLabel } from "../ui/HiddenLabel";
import { useSession } from "./context";

/**
 * A seed provider's base URL: the server's, or another one the provider's page documents
 * (Neyra's `/v1`, Avangenio's `/v1`). The choice is part of the session, so Send, the snippets
 * and share links all use it. With only one documented URL it is shown as text.
 */
export function BaseUrlChoice() {
  const { session, dispatch, profile, info } = useSession();
  const id = useId();
  const choices = baseUrlChoices(profile, info?.baseUrl, session.baseUrl);
  if (choices.length === 0) return null;
  const chosen = choices.find((c) => c.value === session.baseUrl) ?? choices[0];
  if (choices.length === 1) {
    return <span className="max-w-52 truncate font-mono text-[11px] text-zinc-500">{chosen?.url}</span>;
  }
  return (
    <div className="flex max-w-64 flex-col">
      <HiddenLabel htmlFor={id}>Base URL</HiddenLabel>
      <select
        id={id}
        className={`${inputClass} font-mono text-[11px]`}
        value={chosen?.value ?? ""}
        aria-describedby={`${id}-note`}
        onChange={(e) => dispatch({ type: "setBaseUrl", baseUrl: e.target.value })}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.url}
          </option>
        ))}
      </select>
      <span id={`${id}-note`} className="text-[11px] text-zinc-500">
        {chosen?.note}
      </span>
    </div>
  );
}
