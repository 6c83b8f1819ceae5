"use client";
import { dataUrlBytes, formatBytes } from "@/lib/session/images";
import type { ImagePart } from "@/lib/session/schema";

/** Thumbnails of a message's images, each with alt text saying what it is. */
export function ImageThumbs({ images }: { images: readonly ImagePart[] }) {
  return (
    <ul aria-label="Images" className="mt-1 flex flex-wrap gap-2">
      {images.map((img, i) => {
        const bytes = dataUrlBytes(img.image_url.url);
        const type = /^data:([^;,]+)/.exec(img.image_url.url)?.[1];
        const what = bytes === null ? img.image_url.url.slice(0, 80) : `${type ?? "data"}, ${formatBytes(bytes)}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a message's images have no id; their order is their identity
          <li key={i}>
            {/* biome-ignore lint/performance/noImgElement: a data: URL thumbnail; next/image has nothing to optimise */}
            <img
              src={img.image_url.url}
              alt={`Attachment ${i + 1} (${what})`}
              className="h-20 max-w-40 rounded border border-zinc-200 object-contain dark:border-zinc-800"
            />
          </li>
        );
      })}
    </ul>
  );
}
