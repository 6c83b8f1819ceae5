"use client";
import { lazy, Suspense } from "react";
import type { Attachment } from "./useAttachments";

const AttachmentList = lazy(() => import("./AttachmentList").then((m) => ({ default: m.AttachmentList })));

interface Props {
  items: readonly Attachment[];
  error: string | null;
  onAdd: (files: Iterable<File>) => void;
  onRemove: (index: number) => void;
}

/** The composer's "Attach image" input, then the images waiting to be sent (loaded once there are some). */
export function AttachImage({ items, error, onAdd, onRemove }: Props) {
  return (
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
      {(items.length > 0 || error) && (
        <Suspense fallback={null}>
          <AttachmentList items={items} error={error} onRemove={onRemove} />
        </Suspense>
      )}
    </div>
  );
}
