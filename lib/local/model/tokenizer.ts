import type { Vocab } from "../decode/constraints/types";

/**
 * The local model's own tokenizer. Text is first split into pre-tokens (a word with its leading
 * space, a number, a run of punctuation, a whitespace run), as GPT-2 does; a pre-token that is in
 * the vocabulary is one token, any other is spelled by greedy longest match over the vocabulary.
 * Every printable ASCII character (plus tab, newline, carriage return) is a token of its own, so
 * any text — and in particular any JSON value — can be spelled; a character outside the
 * vocabulary (an emoji, a rare script) gets an "extended" id `size + codePoint`, which round-trips
 * exactly but which the model never generates.
 */

/** Id of the end-of-sequence token; its piece is "" and it is never emitted as text. */
export const EOS_ID = 0;

/** Pre-token pattern: words with their leading space, numbers, punctuation runs, whitespace runs. */
const PRE_TOKEN = / ?[\p{L}\p{M}]+| ?\p{N}+| ?[^\s\p{L}\p{M}\p{N}]+|\s+(?!\S)|\s+/gu;

export function preTokenize(text: string): string[] {
  return text.match(PRE_TOKEN) ?? [];
}

/** The characters that are always single tokens: what any JSON document or regex output needs. */
function baseCharacters(): string[] {
  const chars = ["\t", "\n", "\r"];
  for (let c = 32; c < 127; c++) chars.push(String.fromCharCode(c));
  return chars;
}

/**
 * Word pieces (2–5 letters, with or without the leading space) ranked by how many characters
 * they would save over the corpus; they let an unseen word ("zebras") be spelled in a few tokens
 * instead of letter by letter, which keeps a conversation's new words learnable.
 */
function subwords(counts: ReadonlyMap<string, number>): string[] {
  const gain = new Map<string, number>();
  const bump = (p: string, c: number) => gain.set(p, (gain.get(p) ?? 0) + c * (p.length - 1));
  for (const [token, c] of counts) {
    const m = /^( ?)(\p{L}+)$/u.exec(token);
    if (!m) continue;
    const [, space, word] = m as unknown as [string, string, string];
    for (let len = 2; len <= 5; len++) {
      for (let i = 0; i + len <= word.length; i++) bump(word.slice(i, i + len), c);
      if (word.length >= len) bump(` ${word.slice(0, len)}`, c);
    }
    if (space) bump(` ${word[0]}`, c);
  }
  const ranked = [...gain].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranked.map(([p]) => p);
}

export interface TokenizerOptions {
  /** Upper bound on the vocabulary (base characters included). */
  maxVocab?: number;
  /** A pre-token must occur this often in the corpus to become a token. */
  minCount?: number;
}

export class Tokenizer implements Vocab {
  readonly pieces: readonly string[];
  readonly eosId = EOS_ID;
  private readonly ids: Map<string, number>;
  private readonly maxPieceLength: number;

  constructor(pieces: readonly string[]) {
    this.pieces = pieces;
    this.ids = new Map(pieces.map((p, i) => [p, i]));
    this.ids.delete(pieces[EOS_ID] ?? "");
    this.maxPieceLength = pieces.reduce((m, p) => Math.max(m, p.length), 1);
  }

  /** Vocabulary from a corpus: EOS, base characters, the corpus's other characters, then its most frequent pre-tokens. */
  static fromCorpus(corpus: readonly string[], options: TokenizerOptions = {}): Tokenizer {
    const maxVocab = options.maxVocab ?? 2048;
    const minCount = options.minCount ?? 2;
    const pieces = [""];
    const seen = new Set<string>();
    const add = (p: string) => {
      if (!seen.has(p) && pieces.length < maxVocab) {
        seen.add(p);
        pieces.push(p);
      }
    };
    for (const c of baseCharacters()) add(c);
    const counts = new Map<string, number>();
    for (const doc of corpus) {
      for (const ch of doc) if (ch.codePointAt(0)! >= 128) add(ch);
      for (const t of preTokenize(doc)) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    // Frequency first, then the piece itself, so the vocabulary never depends on Map order.
    const ranked = [...counts].filter(([p, c]) => c >= minCount && p.length > 1);
    ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [p] of ranked) add(p);
    for (const p of subwords(counts)) add(p);
    return new Tokenizer(pieces);
  }

  /** Base vocabulary size: ids the model can generate. */
  get size(): number {
    return this.pieces.length;
  }

  idOf(piece: string): number | undefined {
    return this.ids.get(piece);
  }

  encode(text: string): number[] {
    const out: number[] = [];
    for (const pre of preTokenize(text)) {
      const whole = this.ids.get(pre);
      if (whole !== undefined) out.push(whole);
      else this.spell(pre, out);
    }
    return out;
  }

  /** Greedy longest match; a character outside the vocabulary becomes an extended id. */
  private spell(text: string, out: number[]): void {
    let i = 0;
    while (i < text.length) {
      let matched = false;
      for (let len = Math.min(this.maxPieceLength, text.length - i); len > 0; len--) {
        const id = this.ids.get(text.slice(i, i + len));
        if (id !== undefined) {
          out.push(id);
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) {
        const cp = text.codePointAt(i)!;
        out.push(this.size + cp);
        i += cp > 0xffff ? 2 : 1;
      }
    }
  }

  /** Piece text of any id (base or extended); "" for EOS and for ids outside the id space. */
  piece(id: number): string {
    if (id >= 0 && id < this.size) return this.pieces[id]!;
    const cp = id - this.size;
    return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
  }

  decode(ids: readonly number[]): string {
    let s = "";
    for (const id of ids) s += this.piece(id);
    return s;
  }

  /** Whether `id` is a valid id of this tokenizer (base or extended). */
  isValidId(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id <= this.size + 0x10ffff;
  }
}

const encoder = new TextEncoder();

/** UTF-8 bytes of a piece, as OpenAI's logprobs report them. */
export function pieceBytes(piece: string): number[] {
  return Array.from(encoder.encode(piece));
}
