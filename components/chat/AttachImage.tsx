"use client";
import { formatBytes } from "@/lib/client/images";
import type { Attachment } from "./useAttachments";

interface Props {
  items: readonly Attachment[];
  error: string | null;
  onAdd: (files: Iterable<File>) => void;
  onRemove: (index: number) => void;
}

/** The composer's "Attach image" input and the images waiting to be sent, with their sizes. */
export function AttachImage({ items, error, onAdd, onRemove }: Props) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <label className="cursor-pointer rounded-md border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 focus-within:outline-2 focus-within:outline-indigo-500 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Attach image
          <input
            type="file"
            accept="image/*"
            multiple
            className="sr-only"
            onChange={(e) => {
              if (e.target.files) onAdd(Array.from(e.target.files));
              e.target.value = "";
            }}
          />
        </label>
        {items.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: attachments have no id; removing one re-keys the rest harmlessly
          <span key={i} className="flex items-center gap-1 rounded border border-zinc-200 px-1 text-xs dark:border-zinc-800">
            {/* biome-ignore lint/performance/noImgElement: a data: URL preview; next/image has nothing to optimise */}
            <img src={a.part.image_url.url} alt={`${a.name} to attach`} className="h-6 w-6 object-cover" />
            <span className="font-mono">
              {a.name} · {formatBytes(a.bytes)}
            </span>
            <button type="button" aria-label={`Remove ${a.name}`} className="px-1 text-zinc-500 hover:text-red-600" onClick={() => onRemove(i)}>
              ✕
            </button>
          </span>
        ))}
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
