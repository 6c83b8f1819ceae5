"use client";
import { useQuery } from "@tanstack/react-query";
import { providersQuery } from "@/lib/queries/queries";
import { isProviderId, PROFILES, PROVIDER_IDS } from "@/lib/providers";
import { inputClass } from "../ui/fields";
import { BaseUrlChoice } from "./BaseUrlChoice";
import { BaseUrlField } from "./BaseUrlField";
import { useSession } from "./context";
import { KeyField } from "./KeyField";
import { ModelPicker } from "./ModelPicker";

/** Provider, model, base URL (custom) and the user's own key. */
export function ProviderBar({ providersError }: { providersError: string | null }) {
  const { session, dispatch, info } = useSession();
  const { data } = useQuery(providersQuery);
  // The server's list once loaded (it names every profile); the registry until then.
  const list = data?.length ? data.filter((p) => isProviderId(p.id)) : PROVIDER_IDS.map((id) => PROFILES[id]);
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-start gap-2">
      {/* Below sm the provider and model share a row (each at least 10rem); from sm on, fixed widths. */}
      <div className="flex min-w-40 flex-1 flex-col sm:w-52 sm:flex-none">
        <select
          aria-label="Provider"
          className={inputClass}
          value={session.providerId}
          onChange={(e) => {
            if (isProviderId(e.target.value)) dispatch({ type: "setProvider", providerId: e.target.value });
          }}
        >
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {info && info.auth === "bearer" && (
          <span className="text-xs text-zinc-500">{info.hasServerKey ? "server key configured" : "no server key"}</span>
        )}
        <BaseUrlChoice />
        {providersError && (
          <span role="status" className="text-xs text-red-600">
            Provider list: {providersError}
          </span>
        )}
      </div>
      <ModelPicker />
      {session.providerId === "custom" && <BaseUrlField />}
      <KeyField />
    </div>
  );
}
