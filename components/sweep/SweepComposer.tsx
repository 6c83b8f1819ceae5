"use client";
import type { Dispatch } from "react";
import type { SessionAction } from "@/lib/session/state";
import type { Session } from "@/lib/session/schema";
import { TargetEditor } from "../compare/TargetEditor";
import { TemplateEditor } from "../evaluate/TemplateEditor";
import { Disclosure } from "../ui/Disclosure";

/**
 * The sweep's own composer: the base request's conversation, provider, model and parameters,
 * edited here with the playground's controls, so a sweep can start on /sweep.
 */
export function SweepComposer({ session, dispatch }: { session: Session; dispatch: Dispatch<SessionAction> }) {
  return (
    <Disclosure summary="Edit the base request">
      <div className="mt-2 grid gap-3 lg:grid-cols-2">
        <TemplateEditor title="Base conversation" session={session} dispatch={dispatch} />
        <section aria-label="Base target" className="flex min-w-0 flex-col gap-2">
          <h2 className="text-sm font-semibold">Base target</h2>
          <TargetEditor name="the base request" session={session} dispatch={dispatch} />
        </section>
      </div>
    </Disclosure>
  );
}

/** One line on the base request: provider, model, how many messages and parameters. */
export function BaseRequestSummary({ session }: { session: Session }) {
  const n = session.messages.length;
  return (
    <p className="text-sm">
      Base request: <span className="font-mono">{session.providerId}</span> ·{" "}
      <span className="font-mono">{session.model || "(no model)"}</span> · {n} message
      {n === 1 ? "" : "s"} · {Object.values(session.params).filter((s) => s?.enabled).length} parameters set.
    </p>
  );
}
