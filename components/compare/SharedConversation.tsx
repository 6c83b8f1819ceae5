"use client";
import { type Dispatch, useId, useMemo, useState } from "react";
import type { SessionAction } from "@/lib/session/state";
import type { ProviderProfile } from "@/lib/providers";
import type { Session } from "@/lib/session/schema";
import { ComposerActions, MessageBox } from "../chat/Composer";
import { Conversation } from "../chat/Conversation";
import { SystemPrompt } from "../chat/SystemPrompt";
import { PlaygroundProviders, type SessionContextValue, viewOnlyRunContext } from "../playground/context";
import { Button } from "../ui/Button";
import { inputClass } from "../ui/fields";

/** The shared conversation shows no run of its own: each target shows its answer. */
const IDLE = viewOnlyRunContext(null, false);

interface Props {
  session: Session;
  profile: ProviderProfile;
  dispatch: Dispatch<SessionAction>;
  repeats: number;
  running: boolean;
  canAdd: boolean;
  onRepeats: (n: number) => void;
  onSend: (text: string) => void;
  onStop: () => void;
  onAdd: () => void;
}

/** System prompt, the editable shared messages, and the composer's box and buttons, whose Send runs every target. */
export function SharedConversation({ session, profile, dispatch, repeats, running, canAdd, onRepeats, onSend, onStop, onAdd }: Props) {
  const [draft, setDraft] = useState("");
  const id = useId();
  const value = useMemo<SessionContextValue>(() => ({ session, dispatch, profile, info: undefined }), [session, dispatch, profile]);
  const send = () => {
    if (running) return;
    onSend(session.mode === "chat" ? draft : "");
    setDraft("");
  };
  return (
    <PlaygroundProviders session={value} run={IDLE}>
      <div className="flex flex-col gap-2">
        <SystemPrompt />
        {session.mode === "chat" && <Conversation />}
        <div className="flex flex-col gap-2">
          {session.mode === "chat" && (
            <MessageBox
              id={id}
              label="Message"
              rows={2}
              placeholder="Message for every target (Ctrl+Enter to send)"
              value={draft}
              onChange={setDraft}
              onSubmit={send}
            />
          )}
          <ComposerActions running={running} onSend={send} onStop={onStop} alwaysShowStop busyText="running…">
            <Button onClick={onAdd} disabled={!canAdd}>
              Add target
            </Button>
            <label className="flex items-center gap-1 text-sm">
              Repeats
              <input
                type="number"
                min={1}
                max={10}
                className={`${inputClass} w-16`}
                value={repeats}
                onChange={(e) => onRepeats(Number(e.target.value))}
              />
            </label>
          </ComposerActions>
        </div>
      </div>
    </PlaygroundProviders>
  );
}
