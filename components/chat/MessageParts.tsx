"use client";
import { imageParts } from "@/lib/session/content";
import type { Message } from "@/lib/session/schema";
import { ImageThumbs } from "./ImageThumbs";
import { ReasoningGroup } from "./ReasoningGroup";
import { ToolCallList } from "./ToolCallList";

/** What a stored message holds beside its text: reasoning (above it). */
export function MessageBefore({ message }: { message: Message }) {
  return message.reasoning?.text ? <ReasoningGroup text={message.reasoning.text} /> : null;
}

/** What a stored message holds beside its text: images, a refusal, tool calls (below it). */
export function MessageAfter({ message }: { message: Message }) {
  const images = imageParts(message.content);
  return (
    <>
      {images.length > 0 && <ImageThumbs images={images} />}
      {message.refusal && <p className="mt-1 text-sm text-amber-700">Refusal: {message.refusal}</p>}
      {message.tool_calls && message.tool_calls.length > 0 && (
        <div className="mt-1">
          <ToolCallList calls={message.tool_calls} complete />
        </div>
      )}
    </>
  );
}
