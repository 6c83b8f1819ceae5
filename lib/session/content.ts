import type { ImagePart, MessageContent } from "./schema";

/** The text of a message's content, parts joined: for display, search, diff and the local model. */
export function contentText(content: MessageContent): string {
  if (content === null) return "";
  if (typeof content === "string") return content;
  return content.map((p) => (p.type === "text" ? p.text : "")).join("");
}

export function imageParts(content: MessageContent): ImagePart[] {
  return Array.isArray(content) ? content.filter((p): p is ImagePart => p.type === "image_url") : [];
}

/**
 * Replaces the text of a message and keeps its images. Text-only content stays a plain string,
 * so a session that never had parts sends exactly what it did before.
 */
export function withText(content: MessageContent, text: string): MessageContent {
  const images = imageParts(content);
  if (images.length === 0) return text;
  return text === "" ? images : [{ type: "text", text }, ...images];
}
