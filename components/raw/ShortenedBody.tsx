"use client";
import { useMemo } from "react";
import { shortenDataUrls } from "@/lib/session/images";

/** A request body with its image data URLs cut short for reading (loaded only for such bodies). */
export function ShortenedBody({ text }: { text: string }) {
  return useMemo(() => shortenDataUrls(text), [text]);
}
