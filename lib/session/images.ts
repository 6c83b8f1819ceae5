import type { ImagePart } from "./schema";

/**
 * Attaching and showing images. Loaded on first use (an image chosen, pasted or in a request):
 * a chat without images never downloads it.
 */

/** Largest image the composer attaches, as OpenAI documents for image inputs. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Decoded size of a base64 `data:` URL; null for any other URL. */
export function dataUrlBytes(url: string): number | null {
  const m = /^data:[^,]*;base64,/.exec(url);
  if (!m) return null;
  const b64 = url.length - m[0].length;
  const pad = url.endsWith("==") ? 2 : url.endsWith("=") ? 1 : 0;
  return Math.floor((b64 * 3) / 4) - pad;
}

/** Why a file cannot be attached, or null when it can. */
export function imageProblem(file: { name: string; type: string; size: number }): string | null {
  if (!file.type.startsWith("image/")) return `${file.name || "The file"} is not an image (${file.type || "unknown type"}).`;
  if (file.size > MAX_IMAGE_BYTES) {
    return `${file.name || "The image"} is ${formatBytes(file.size)}; images over ${formatBytes(MAX_IMAGE_BYTES)} are refused by providers, so it was not attached.`;
  }
  return null;
}

export function imagePart(dataUrl: string): ImagePart {
  return { type: "image_url", image_url: { url: dataUrl } };
}

/**
 * For the raw view only: every base64 `data:` URL cut to its head and size, so a request with an
 * image stays readable. Copy and the wire keep the full text. A plain scan, not a regular
 * expression: V8's regex engine overflows its stack on a match millions of characters long.
 */
export function shortenDataUrls(text: string): string {
  const out: string[] = [];
  let from = 0;
  for (let at = text.indexOf("data:", from); at !== -1; at = text.indexOf("data:", from)) {
    const head = /^data:[\w.+-]+\/[\w.+-]+;base64,/.exec(text.slice(at, at + 200));
    if (!head) {
      out.push(text.slice(from, at + 5));
      from = at + 5;
      continue;
    }
    const start = at + head[0].length;
    let end = start;
    while (end < text.length && isBase64(text.charCodeAt(end))) end++;
    const keep = end - start > 64 ? start + 24 : end;
    out.push(text.slice(from, keep));
    if (keep !== end) out.push(`…(${formatBytes(Math.floor(((end - start) * 3) / 4))})`);
    from = end;
  }
  out.push(text.slice(from));
  return out.join("");
}

function isBase64(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
}

export function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsDataURL(file);
  });
}
