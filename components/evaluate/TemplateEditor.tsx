"use client";
import { type Dispatch, useId, useMemo, useState } from "react";
import { newMessage, type SessionAction } from "@/lib/session/state";
import { sessionVariables } from "@/lib/evaluate/template";
import { getProfile, PROFILES } from "@/lib/providers";
import type { Session } from "@/lib/session/schema";
import { Conversation } from "../chat/Conversation";
import { SystemPrompt } from "../chat/SystemPrompt";
import { PlaygroundProviders, type SessionContextValue, viewOnlyRunContext } from "../playground/context";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/fields";

const IDLE = viewOnlyRunContext(null, false);

/**
 * A conversation to send: the playground's system prompt and message editors, a way to add a
 * message, and the `{{variables}}` it uses. Evaluate's template; the sweep's base request.
 */
export function TemplateEditor({
  session,
  dispatch,
  title = "Template",
}: {
  session: Session;
  dispatch: Dispatch<SessionAction>;
  title?: string;
}) {
  const [draft, setDraft] = useState("");
  const [role, setRole] = useState<"user" | "assistant" | "system">("user");
  const id = useId();
  const profile = getProfile(session.providerId) ?? PROFILES.local;
  const value = useMemo<SessionContextValue>(() => ({ session, dispatch, profile, info: undefined }), [session, dispatch, profile]);
  const variables = sessionVariables(session);
  const add = () => {
    if (draft.trim() === "") return;
    dispatch({ type: "addMessage", message: newMessage(role, draft) });
    setDraft("");
  };
  return (
    <PlaygroundProviders session={value} run={IDLE}>
      <section aria-label={title} className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold">{title}</h2>
        <SystemPrompt />
        {session.mode === "chat" && (
          <>
            <Conversation />
            <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
              New message
            </label>
            <textarea
              id={id}
              rows={2}
              className={inputClass}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder="e.g. Describe {{topic}} as JSON."
            />
            <div className="flex items-center gap-2">
              <select
                aria-label="Role of the new message"
                className={`${inputClass} w-32`}
                value={role}
                onChange={(e) => setRole(e.target.value as typeof role)}
              >
                <option value="user">user</option>
                <option value="assistant">assistant</option>
                <option value="system">system</option>
              </select>
              <Button onClick={add} disabled={draft.trim() === ""}>
                Add message
              </Button>
            </div>
          </>
        )}
        <p className="text-sm" data-testid="template-variables">
          {variables.length === 0 ? "The template uses no {{variables}}." : `Variables: ${variables.map((v) => `{{${v}}}`).join(", ")}`}
        </p>
      </section>
    </PlaygroundProviders>
  );
}
