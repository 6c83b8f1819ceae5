/**
 * Cuts Markdown into top-level blocks that render the same one by one as all together, so the
 * Markdown view can memoize finished blocks while tokens arrive and parse only the last one again.
 * Parsing itself is react-markdown's (components/chat/MarkdownBlocks.tsx); this only finds safe
 * places to cut, conservatively: a cut in the wrong place would change the rendering, a missed
 * cut only costs time.
 *
 * A blank line outside a fenced code block ends a block unless the next line continues it:
 * an indented line (list item content, indented code) or, once the block has a list, another
 * list item (the same list, which must stay one `<ol>`/`<ul>`). Link reference and footnote
 * definitions apply to the whole document, so text that has one is never cut.
 */
export interface Block {
  src: string;
  /** Offset of the block's first character in the whole text. */
  start: number;
}

export interface BlockCache {
  text: string;
  blocks: Block[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/** The block sources of `text`, in order (blank lines between blocks dropped). */
export function splitBlocks(text: string): string[] {
  return splitGrowing(text, null).blocks.map((b) => b.src);
}

/** Splits `text` from `base` (a block start, so outside any fence) to its end. */
function splitFrom(text: string, base: number): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let end = base;
  let fence: { char: string; len: number } | null = null;
  let hasList = false;
  let blankBefore = false;
  const flush = () => {
    if (start >= 0) blocks.push({ src: text.slice(start, end), start });
    start = -1;
    hasList = false;
  };
  for (let at = base; at <= text.length; ) {
    const nl = text.indexOf("\n", at);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(at, lineEnd);
    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close?.[1]?.[0] === fence.char && close[1].length >= fence.len && line.trim() === close[1]) fence = null;
      end = lineEnd;
    } else if (line.trim() === "") {
      blankBefore = start >= 0;
    } else {
      const continues = /^[ \t]/.test(line) || (hasList && LIST_ITEM.test(line));
      if (blankBefore && !continues) flush();
      blankBefore = false;
      if (start < 0) start = at;
      if (LIST_ITEM.test(line)) hasList = true;
      const open = FENCE_OPEN.exec(line);
      // A backtick fence's info string may not contain a backtick; then it is inline code.
      if (open?.[1] && !(open[1][0] === "`" && line.slice(line.indexOf(open[1]) + open[1].length).includes("`"))) {
        fence = { char: open[1][0] ?? "`", len: open[1].length };
      }
      end = lineEnd;
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  flush();
  return blocks;
}

/**
 * Incremental split for streaming text: when `text` extends `prev.text`, only the part from the
 * start of the previous last block is split again, and earlier blocks keep their identity (the
 * same objects), so memoized renderings of them are reused.
 */
export function splitGrowing(text: string, prev: BlockCache | null): BlockCache {
  if (prev && prev.text === text) return prev;
  const last = prev?.blocks[prev.blocks.length - 1];
  if (DEFINITION.test(text)) return { text, blocks: text.trim() ? [{ src: text, start: 0 }] : [] };
  const grows = prev && last && text.startsWith(prev.text);
  const fresh = splitFrom(text, grows ? last.start : 0);
  const kept = grows ? prev.blocks.slice(0, -1) : [];
  const done = fresh.slice(0, -1).map((b) => ({ src: ownCopy(b.src), start: b.start }));
  return { text, blocks: [...kept, ...done, ...fresh.slice(-1)] };
}

/**
 * A copy of `s` that does not point into the string it was cut from: engines keep a slice as a
 * view of its parent, so every finished block would otherwise hold on to the whole text as it
 * was when that block was cut, one version of the answer per block.
 */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
