"use client";
import { formatBytes } from "@/lib/session/images";
import type { Attachment } from "./useAttachments";

/** The images waiting to be sent, each with its size and a remove button; why a file was refused. */
export function AttachmentList({
  items,
  error,
  onRemove,
}: {
  items: readonly Attachment[];
  error: string | null;
  onRemove: (index: number) => void;
}) {
  return (
    <>
      {items.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: attachments have no id; removing one re-keys the rest harmlessly
        <span key={i} className="flex items-center gap-1 rounded border border-zinc-200 px-1 text-xs dark:border-zinc-800">
          {/* biome-ignore lint/performance/noImgElement: a data: URL preview; next/image has nothing to optimise */}
          <img src={a.part.image_url.url} alt={`${a.name} to attach`} className="h-6 w-6 object-cover" />
          <span className="font-mono">
            {a.name} · {formatBytes(a.bytes)}
          </span>
          <button
            type="button"
            aria-label={`Remove ${a.name}`}
            className="px-1 text-zinc-500 hover:text-red-600"
            onClick={() => onRemove(i)}
          >
            ✕
          </button>
        </span>
      ))}
      {error && (
        <p role="alert" className="basis-full text-xs text-red-600">
          {error}
        </p>
      )}
    </>
  );
}
