import { badRequest } from "../../../errors";
import { type CharSet, complement, range, single, union } from "./charset";

/**
 * guided_regex → AST. The subset is what a full-match automaton can honour exactly: literals,
 * classes, escapes, groups, alternation and the quantifiers `? * + {m} {m,} {m,n}`. Anything
 * whose meaning needs more than a finite automaton (look-arounds, back-references, word
 * boundaries) is refused with a 400 naming it, rather than approximated.
 */
export type RegexNode =
  | { readonly t: "set"; readonly set: CharSet }
  | { readonly t: "cat"; readonly items: readonly RegexNode[] }
  | { readonly t: "alt"; readonly items: readonly RegexNode[] }
  | { readonly t: "rep"; readonly item: RegexNode; readonly min: number; readonly max: number };

const PARAM = "guided_regex";
export const MAX_REPEAT = 1000;

const DIGIT = range(48, 57);
const WORD = union(range(48, 57), range(65, 90), range(97, 122), single(95));
const SPACE = union(
  range(9, 13),
  single(32),
  single(0xa0),
  single(0x1680),
  range(0x2000, 0x200a),
  range(0x2028, 0x2029),
  single(0x202f),
  single(0x205f),
  single(0x3000),
  single(0xfeff),
);
/** `.` without the s flag: anything but line terminators. */
const DOT = complement(union(single(10), single(13), range(0x2028, 0x2029)));
const CLASS_ESCAPES: Record<string, CharSet> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

function fail(message: string): never {
  throw badRequest(`Invalid guided_regex: ${message}`, PARAM);
}

class Parser {
  private pos = 0;
  constructor(private readonly src: readonly string[]) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.pos < this.src.length) fail(`unmatched ")" at position ${this.pos}.`);
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private alternation(): RegexNode {
    const items = [this.sequence()];
    while (this.peek() === "|") {
      this.pos++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { t: "alt", items };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    for (let c = this.peek(); c !== undefined && c !== "|" && c !== ")"; c = this.peek()) {
      items.push(this.quantified(this.atom()));
    }
    return items.length === 1 ? items[0]! : { t: "cat", items };
  }

  private quantified(item: RegexNode): RegexNode {
    for (;;) {
      const bounds = this.quantifier();
      if (!bounds) return item;
      if (this.peek() === "?") this.pos++; // laziness does not change what a full match accepts
      item = { t: "rep", item, min: bounds[0], max: bounds[1] };
      const c = this.peek();
      if (c === "*" || c === "+" || c === "?" || (c === "{" && this.braceQuantifierAt(this.pos)))
        fail(`nothing to repeat at position ${this.pos}.`);
    }
  }

  private quantifier(): [number, number] | null {
    const c = this.peek();
    if (c === "*" || c === "+" || c === "?") {
      this.pos++;
      return c === "*" ? [0, Number.POSITIVE_INFINITY] : c === "+" ? [1, Number.POSITIVE_INFINITY] : [0, 1];
    }
    if (c !== "{") return null;
    const m = this.braceQuantifierAt(this.pos);
    if (!m) return null; // a lone "{" is a literal, as in JavaScript
    this.pos += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === undefined || m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
    if (min > max) fail(`numbers out of order in quantifier ${m[0]}.`);
    if (min > MAX_REPEAT || (max !== Number.POSITIVE_INFINITY && max > MAX_REPEAT))
      fail(`repetition count in ${m[0]} is above ${MAX_REPEAT}.`);
    return [min, max];
  }

  private braceQuantifierAt(pos: number): RegExpExecArray | null {
    return /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(pos, pos + 24).join(""));
  }

  private atom(): RegexNode {
    const c = this.src[this.pos++]!;
    switch (c) {
      case "(":
        return this.group();
      case "[":
        return { t: "set", set: this.charClass() };
      case ".":
        return { t: "set", set: DOT };
      case "\\":
        return { t: "set", set: this.escape(false) };
      case "*":
      case "+":
      case "?":
        return fail(`nothing to repeat at position ${this.pos - 1}.`);
      case "{":
        if (this.braceQuantifierAt(this.pos - 1)) fail(`nothing to repeat at position ${this.pos - 1}.`);
        return { t: "set", set: single(123) };
      case "^":
      case "$":
        return fail(`anchor "${c}" is only supported at the very start ("^") or end ("$") of the pattern.`);
      default:
        return { t: "set", set: single(c.codePointAt(0)!) };
    }
  }

  private group(): RegexNode {
    if (this.peek() === "?") {
      const head = this.src.slice(this.pos, this.pos + 3).join("");
      if (head.startsWith("?:")) this.pos += 2;
      else if (head.startsWith("?=") || head.startsWith("?!")) fail(`look-ahead "(${head.slice(0, 2)}" is not supported.`);
      else if (head === "?<=" || head === "?<!") fail(`look-behind "(${head}" is not supported.`);
      else if (head.startsWith("?<")) this.namedGroupName();
      else fail(`unsupported group syntax "(${head}".`);
    }
    const inner = this.alternation();
    if (this.src[this.pos++] !== ")") fail('missing ")".');
    return inner;
  }

  private namedGroupName(): void {
    const end = this.src.indexOf(">", this.pos);
    const name = end < 0 ? "" : this.src.slice(this.pos + 2, end).join("");
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) fail("invalid group name.");
    this.pos = end + 1;
  }

  private charClass(): CharSet {
    const negate = this.peek() === "^";
    if (negate) this.pos++;
    const parts: CharSet[] = [];
    for (;;) {
      const c = this.src[this.pos++];
      if (c === undefined) fail('missing "]".');
      if (c === "]") break;
      const lo = c === "\\" ? this.escape(true) : single(c.codePointAt(0)!);
      if (this.peek() === "-" && this.peek(1) !== undefined && this.peek(1) !== "]") {
        this.pos++;
        const d = this.src[this.pos++]!;
        const hi = d === "\\" ? this.escape(true) : single(d.codePointAt(0)!);
        if (lo.length !== 2 || hi.length !== 2 || lo[0] !== lo[1] || hi[0] !== hi[1]) fail("a class escape cannot bound a range.");
        if (lo[0]! > hi[0]!) fail("range out of order in character class.");
        parts.push(range(lo[0]!, hi[0]!));
      } else parts.push(lo);
    }
    const set = union(...parts);
    return negate ? complement(set) : set;
  }

  /** After a backslash. Inside a class `\b` is a backspace; outside it is a word boundary. */
  private escape(inClass: boolean): CharSet {
    const c = this.src[this.pos++];
    if (c === undefined) fail("\\ at end of pattern.");
    if (CLASS_ESCAPES[c]) return CLASS_ESCAPES[c];
    if (CONTROL_ESCAPES[c] !== undefined) return single(CONTROL_ESCAPES[c]);
    if (c === "b" && inClass) return single(8);
    if (c === "b" || c === "B") fail(`word boundary "\\${c}" is not supported.`);
    if (/[1-9]/.test(c)) fail(`back-reference "\\${c}" is not supported.`);
    if (c === "k" && this.peek() === "<") fail('back-reference "\\k<name>" is not supported.');
    if (c === "0") {
      if (/[0-9]/.test(this.peek() ?? "")) fail("octal escapes are not supported.");
      return single(0);
    }
    if (c === "x") return single(this.hex(2));
    if (c === "u") return single(this.unicodeEscape());
    if (c === "p" || c === "P") fail(`Unicode property escape "\\${c}" is not supported.`);
    if (c === "c") fail('control escape "\\c" is not supported.');
    if (/[A-Za-z]/.test(c)) fail(`unknown escape "\\${c}".`);
    return single(c.codePointAt(0)!);
  }

  private unicodeEscape(): number {
    if (this.peek() !== "{") return this.hex(4);
    const end = this.src.indexOf("}", this.pos);
    const digits = end < 0 ? "" : this.src.slice(this.pos + 1, end).join("");
    if (!/^[0-9A-Fa-f]{1,6}$/.test(digits) || Number.parseInt(digits, 16) > 0x10ffff) fail("invalid \\u{...} escape.");
    this.pos = end + 1;
    return Number.parseInt(digits, 16);
  }

  private hex(n: number): number {
    const digits = this.src.slice(this.pos, this.pos + n).join("");
    if (!new RegExp(`^[0-9A-Fa-f]{${n}}$`).test(digits)) fail(`invalid hexadecimal escape at position ${this.pos}.`);
    this.pos += n;
    return Number.parseInt(digits, 16);
  }
}

/** A leading "^" and trailing "$" are redundant for a full match, so they are accepted there only. */
function stripAnchors(chars: string[]): string[] {
  let start = chars[0] === "^" ? 1 : 0;
  let end = chars.length;
  if (end > start && chars[end - 1] === "$") {
    let slashes = 0;
    for (let i = end - 2; i >= start && chars[i] === "\\"; i--) slashes++;
    if (slashes % 2 === 0) end--;
  }
  if (start > end) start = end;
  return chars.slice(start, end);
}

export function parseRegex(pattern: string): RegexNode {
  return new Parser(stripAnchors([...pattern])).parse();
}
