import type { ImagePart, MessageContent } from "./schema";

/** A user message's content: the text alone stays a string (what text-only sessions always sent). */
export function userContent(text: string, images: readonly ImagePart[]): MessageContent {
  if (images.length === 0) return text;
  return text.trim() === "" ? [...images] : [{ type: "text", text }, ...images];
}
