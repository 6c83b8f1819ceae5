"use client";
import { useQuery } from "@tanstack/react-query";
import { type Dispatch, type ReactNode, useMemo } from "react";
import { providersQuery } from "@/lib/queries/queries";
import type { SessionAction } from "@/lib/session/state";
import { getProfile, PROFILES } from "@/lib/providers";
import type { Session } from "@/lib/session/schema";
import { ParamPanel } from "../params/ParamPanel";
import { type ColumnRunValue, ColumnProviders, type SessionContextValue } from "../playground/context";
import { ProviderBar } from "../playground/ProviderBar";
import { Disclosure } from "../ui/Disclosure";

/**
 * One target's provider, model, base URL, key and parameters, with the playground's own controls
 * (used by compare's columns and by evaluate's targets). `header` goes above the controls and
 * `children` below them; both see the target's session, and its run when it has one, in context.
 */
export function TargetEditor({
  name,
  session,
  dispatch,
  run,
  header,
  children,
}: {
  name: string;
  session: Session;
  dispatch: Dispatch<SessionAction>;
  run?: ColumnRunValue;
  header?: ReactNode;
  children?: ReactNode;
}) {
  const providers = useQuery(providersQuery);
  const profile = getProfile(session.providerId) ?? PROFILES.local;
  const info = providers.data?.find((p) => p.id === session.providerId);
  const sessionValue = useMemo<SessionContextValue>(() => ({ session, dispatch, profile, info }), [session, dispatch, profile, info]);
  return (
    <ColumnProviders session={sessionValue} run={run}>
      {header}
      <ProviderBar providersError={null} />
      <Disclosure summary={`Parameters of ${name}`}>
        <ParamPanel />
      </Disclosure>
      {children}
    </ColumnProviders>
  );
}
