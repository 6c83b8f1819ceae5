"use client";
import { useId, useSyncExternalStore } from "react";
import { keyStore, maskKey } from "@/lib/keys/store";
import { secretFieldStoreId } from "@/lib/keys/secret-fields";
import type { SecretField } from "@/lib/providers";
import { useSession } from "../playground/context";
import { inputClass } from "../ui/fields";

/**
 * Body fields the provider documents as keys (Telnyx's openai_api_key): typed masked, held in this
 * tab's memory only (never remembered, never in the session, history or a share link), sent in
 * the body and shown masked in the raw request.
 */
export function SecretBodyFields() {
  const { profile } = useSession();
  useSyncExternalStore(keyStore.subscribe, keyStore.getVersion, () => 0);
  const fields = profile.secretFields ?? [];
  if (fields.length === 0) return null;
  return (
    <>
      {fields.map((f) => (
        <SecretBodyField key={f.name} providerId={profile.id} field={f} />
      ))}
    </>
  );
}

function SecretBodyField({ providerId, field }: { providerId: string; field: SecretField }) {
  const id = useId();
  const storeId = secretFieldStoreId(providerId, field.name);
  const value = keyStore.get(storeId).key;
  return (
    <fieldset
      aria-label={`${field.name} parameter`}
      className="m-0 min-w-0 rounded-md border border-zinc-200 px-2 py-1.5 dark:border-zinc-800"
    >
      <label htmlFor={id} className="font-mono text-sm font-medium">
        {field.name}
      </label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        className={`${inputClass} mt-1 font-mono text-xs`}
        placeholder="unset: not sent"
        aria-describedby={`${id}-help`}
        value={value}
        onChange={(e) => keyStore.set(storeId, e.target.value.trim(), false)}
      />
      <p id={`${id}-help`} className="mt-1 text-[11px] leading-snug text-zinc-500">
        {value ? `${maskKey(value)} · sent in the body, in memory only, never stored` : "a key: sent in the body when set, never stored"} ·{" "}
        {field.note}; snippets read it from {field.env}.
      </p>
    </fieldset>
  );
}
