/**
 * A small Markdown subset parsed into plain data (no HTML strings), rendered by
 * components/chat/Markdown.tsx as React elements: headings, paragraphs, fenced code, lists,
 * block quotes, rules, and inline code, bold, italic, strike and http(s) links.
 * `splitBlocks` cuts the text into block sources so finished blocks can be memoized while
 * tokens arrive and only the last block is parsed again.
 */
export type Inline =
  | { t: "text"; v: string }
  | { t: "code"; v: string }
  | { t: "strong" | "em" | "del"; c: Inline[] }
  | { t: "link"; href: string; c: Inline[] }
  | { t: "br" };

export type Block =
  | { t: "heading"; level: number; c: Inline[] }
  | { t: "para"; c: Inline[] }
  | { t: "code"; lang: string; v: string }
  | { t: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { t: "quote"; c: Inline[] }
  | { t: "hr" };

const FENCE = /^ {0,3}(```|~~~)/;

/** Splits text into block sources: blank lines end a block, except inside a fenced code block. */
export function splitBlocks(text: string): string[] {
  return splitBlocksAt(text).map((b) => b.src);
}

/** Blocks with the offset where each starts, so a growing text can be re-split from its last block. */
export function splitBlocksAt(text: string, base = 0): { src: string; start: number }[] {
  const blocks: { src: string; start: number }[] = [];
  let current: string[] = [];
  let currentStart = 0;
  let fence: string | null = null;
  let offset = 0;
  const flush = () => {
    if (current.length) blocks.push({ src: current.join("\n"), start: base + currentStart });
    current = [];
  };
  const add = (line: string, at: number) => {
    if (current.length === 0) currentStart = at;
    current.push(line);
  };
  for (const line of text.split("\n")) {
    const at = offset;
    offset += line.length + 1;
    const m = FENCE.exec(line);
    if (fence) {
      add(line, at);
      if (m && m[1] === fence) {
        fence = null;
        flush();
      }
    } else if (m) {
      flush();
      fence = m[1] ?? "```";
      add(line, at);
    } else if (line.trim() === "") {
      flush();
    } else {
      add(line, at);
    }
  }
  flush();
  return blocks;
}

/**
 * Incremental split for streaming text: when `text` extends `prev.text`, only the part from the
 * start of the previous last block is split again; earlier blocks keep their identity.
 */
export interface BlockCache {
  text: string;
  blocks: { src: string; start: number }[];
}

export function splitGrowing(text: string, prev: BlockCache | null): BlockCache {
  if (prev && prev.text === text) return prev;
  const last = prev?.blocks[prev.blocks.length - 1];
  if (prev && last && text.startsWith(prev.text)) {
    const tail = splitBlocksAt(text.slice(last.start), last.start);
    return { text, blocks: [...prev.blocks.slice(0, -1), ...tail] };
  }
  return { text, blocks: splitBlocksAt(text) };
}

export function parseBlock(src: string): Block {
  const lines = src.split("\n");
  const first = lines[0] ?? "";
  const fence = FENCE.exec(first);
  if (fence) {
    const lang = first.replace(FENCE, "").trim();
    const closed = lines.length > 1 && FENCE.test(lines[lines.length - 1] ?? "");
    return { t: "code", lang, v: lines.slice(1, closed ? -1 : undefined).join("\n") };
  }
  const h = /^(#{1,6})\s+(.*)$/.exec(first);
  if (h && lines.length === 1) return { t: "heading", level: h[1]!.length, c: parseInline(h[2] ?? "") };
  if (lines.length === 1 && /^ {0,3}([-*_])( *\1){2,} *$/.test(first)) return { t: "hr" };
  if (lines.every((l) => /^\s*>/.test(l))) {
    return { t: "quote", c: parseInline(lines.map((l) => l.replace(/^\s*> ?/, "")).join("\n")) };
  }
  const list = parseList(lines);
  if (list) return list;
  return { t: "para", c: parseInline(src) };
}

function parseList(lines: string[]): Block | null {
  const bullet = /^\s{0,3}[-*+]\s+(.*)$/;
  const ordered = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
  const first = lines[0] ?? "";
  const isOrdered = ordered.test(first);
  if (!isOrdered && !bullet.test(first)) return null;
  const re = isOrdered ? ordered : bullet;
  const items: string[] = [];
  for (const line of lines) {
    const m = re.exec(line);
    if (m) items.push(isOrdered ? (m[2] ?? "") : (m[1] ?? ""));
    else if (items.length) items[items.length - 1] += `\n${line.trim()}`;
  }
  const start = isOrdered ? Number(ordered.exec(first)?.[1] ?? 1) : 1;
  return { t: "list", ordered: isOrdered, start, items: items.map(parseInline) };
}

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Where an inline span may start; plain text between them is copied in one piece. */
const SPECIAL = /[\\`*_~[\n]|https?:\/\//g;

/** Inline spans; anything that does not close is left as the text it was. Linear in the length. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  let text = "";
  const pushText = () => {
    if (text) out.push({ t: "text", v: text });
    text = "";
  };
  let i = 0;
  const special = new RegExp(SPECIAL.source, "g");
  while (i < src.length) {
    special.lastIndex = i;
    const m = special.exec(src);
    if (!m) {
      text += src.slice(i);
      break;
    }
    text += src.slice(i, m.index);
    i = m.index;
    const ch = src[i]!;
    if (ch === "\\" && i + 1 < src.length && /[\\`*_~[\]()#>-]/.test(src[i + 1]!)) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === "\n") {
      pushText();
      out.push({ t: "br" });
      i++;
      continue;
    }
    const span = matchSpan(src.slice(i, i + MAX_SPAN));
    if (span) {
      pushText();
      out.push(span.node);
      i += span.length;
      continue;
    }
    text += ch;
    i++;
  }
  pushText();
  return out;
}

/** Longest inline span looked for; keeps each attempt bounded on very long paragraphs. */
const MAX_SPAN = 2_000;

function matchSpan(rest: string): { node: Inline; length: number } | null {
  const c = rest[0];
  if (c === "`") {
    const m = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
    return m ? { node: { t: "code", v: m[2]!.trim() === "" ? m[2]! : m[2]!.replace(/^ (.*) $/s, "$1") }, length: m[0].length } : null;
  }
  if (c === "*" || c === "_") {
    const strong = new RegExp(`^\\${c}\\${c}(?=\\S)([\\s\\S]*?\\S)\\${c}\\${c}`).exec(rest);
    if (strong) return { node: { t: "strong", c: parseInline(strong[1]!) }, length: strong[0].length };
    const em = new RegExp(`^\\${c}(?=[^\\s${c}])([\\s\\S]*?[^\\s\\\\])\\${c}(?!\\${c})`).exec(rest);
    if (em) return { node: { t: "em", c: parseInline(em[1]!) }, length: em[0].length };
    return null;
  }
  if (c === "~") {
    const m = /^~~(?=\S)([\s\S]*?\S)~~/.exec(rest);
    return m ? { node: { t: "del", c: parseInline(m[1]!) }, length: m[0].length } : null;
  }
  if (c === "[") {
    const m = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
    if (m && SAFE_HREF.test(m[2]!)) return { node: { t: "link", href: m[2]!, c: parseInline(m[1]!) }, length: m[0].length };
    return null;
  }
  if (c === "h") {
    const m = /^https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/.exec(rest);
    if (m) return { node: { t: "link", href: m[0], c: [{ t: "text", v: m[0] }] }, length: m[0].length };
  }
  return null;
}
