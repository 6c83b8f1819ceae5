"use client";
import { useCallback, useState } from "react";
import type { ImagePart } from "@/lib/session/schema";

export interface Attachment {
  part: ImagePart;
  name: string;
  bytes: number;
}

/** Images attached in the composer (file input or paste), as `data:` URL parts, until sent. */
export function useAttachments() {
  const [items, setItems] = useState<Attachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const add = useCallback(async (files: Iterable<File>) => {
    const { imagePart, imageProblem, readDataUrl } = await import("@/lib/session/images");
    const problems: string[] = [];
    for (const file of files) {
      const problem = imageProblem(file);
      if (problem) {
        problems.push(problem);
        continue;
      }
      try {
        const url = await readDataUrl(file);
        setItems((list) => [...list, { part: imagePart(url), name: file.name || "pasted image", bytes: file.size }]);
      } catch (e) {
        problems.push(`${file.name}: ${(e as Error).message}`);
      }
    }
    setError(problems.length ? problems.join(" ") : null);
  }, []);
  const remove = useCallback((index: number) => setItems((list) => list.filter((_, i) => i !== index)), []);
  const clear = useCallback(() => {
    setItems([]);
    setError(null);
  }, []);
  return { items, error, add, remove, clear };
}
