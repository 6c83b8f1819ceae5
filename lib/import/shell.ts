/**
 * Splits shell text into commands and words the way bash would read a pasted curl command:
 * `\` line continuations, '…', "…" with its escapes, $'…' ANSI-C quoting, comments, and
 * `;`/`&&`/`||`/`|`/newline between commands. Variables are not expanded: `$API_KEY` stays as
 * text, which is how the key placeholders of the providers' examples are recognised later.
 */
export interface Word {
  text: string;
  /** 1-based line the word starts on. */
  line: number;
}

export type ShellResult = { ok: true; commands: Word[][] } | { ok: false; error: string };

const ANSI_C: Readonly<Record<string, string>> = {
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "?": "?",
};

export function splitShell(text: string): ShellResult {
  const s = new Scanner(text.replace(/\r\n?/g, "\n"));
  try {
    return { ok: true, commands: s.commands() };
  } catch (e) {
    if (e instanceof ShellError) return { ok: false, error: e.message };
    throw e;
  }
}

class ShellError extends Error {}

class Scanner {
  private i = 0;
  private line = 1;
  private readonly commandsOut: Word[][] = [[]];
  private word: Word | null = null;

  constructor(private readonly src: string) {}

  commands(): Word[][] {
    while (this.i < this.src.length) this.step();
    this.endWord();
    return this.commandsOut.filter((c) => c.length > 0);
  }

  private step(): void {
    const c = this.src[this.i]!;
    const next = this.src[this.i + 1];
    if (c === "\\" && next === "\n") this.skip(2, 1);
    else if (c === " " || c === "\t") this.endWordAndSkip(1);
    else if (c === "\n" || c === ";") this.endCommand(1, c === "\n" ? 1 : 0);
    else if ((c === "&" || c === "|") && next === c) this.endCommand(2, 0);
    else if (c === "|") this.endCommand(1, 0);
    else if (c === "#" && this.word === null) this.comment();
    else if (c === "'") this.append(this.until("'", this.i + 1), 0);
    else if (c === '"') this.doubleQuoted();
    else if (c === "$" && next === "'") this.ansiC();
    else if (c === "\\" && next !== undefined) this.append(next, 2);
    else this.append(c, 1);
  }

  private append(text: string, advance: number): void {
    this.word ??= { text: "", line: this.line };
    this.word.text += text;
    this.i += advance;
  }

  private skip(chars: number, lines: number): void {
    this.i += chars;
    this.line += lines;
  }

  private endWord(): void {
    if (this.word) this.commandsOut.at(-1)!.push(this.word);
    this.word = null;
  }

  private endWordAndSkip(chars: number): void {
    this.endWord();
    this.i += chars;
  }

  private endCommand(chars: number, lines: number): void {
    this.endWord();
    this.commandsOut.push([]);
    this.skip(chars, lines);
  }

  private comment(): void {
    while (this.i < this.src.length && this.src[this.i] !== "\n") this.i++;
  }

  /** Text up to the closing quote (not included); leaves `i` after it. */
  private until(quote: string, from: number): string {
    const end = this.src.indexOf(quote, from);
    if (end === -1) throw new ShellError(`Line ${this.line}: a ${quote} quote opened here is never closed.`);
    const text = this.src.slice(from, end);
    this.word ??= { text: "", line: this.line };
    this.line += countLines(text);
    this.i = end + 1;
    return text;
  }

  private doubleQuoted(): void {
    const startLine = this.line;
    let text = "";
    let j = this.i + 1;
    for (; j < this.src.length && this.src[j] !== '"'; j++) {
      const c = this.src[j]!;
      const n = this.src[j + 1];
      // Inside "…" a backslash escapes only $ ` " \ and a newline; elsewhere it is kept.
      if (c === "\\" && n !== undefined && '$`"\\\n'.includes(n)) {
        if (n !== "\n") text += n;
        j++;
      } else text += c;
    }
    if (j >= this.src.length) throw new ShellError(`Line ${startLine}: a " quote opened here is never closed.`);
    this.word ??= { text: "", line: startLine };
    this.line += countLines(this.src.slice(this.i, j));
    this.word.text += text;
    this.i = j + 1;
  }

  private ansiC(): void {
    const startLine = this.line;
    let text = "";
    let j = this.i + 2;
    for (; j < this.src.length && this.src[j] !== "'"; j++) {
      if (this.src[j] !== "\\") {
        text += this.src[j];
        continue;
      }
      const { value, length } = ansiEscape(this.src, j + 1);
      text += value;
      j += length;
    }
    if (j >= this.src.length) throw new ShellError(`Line ${startLine}: a $' quote opened here is never closed.`);
    this.word ??= { text: "", line: startLine };
    this.line += countLines(this.src.slice(this.i, j));
    this.word.text += text;
    this.i = j + 1;
  }
}

/** One escape of $'…' starting after its backslash: its value and how many characters it used. */
function ansiEscape(src: string, at: number): { value: string; length: number } {
  const c = src[at] ?? "";
  if (Object.hasOwn(ANSI_C, c)) return { value: ANSI_C[c]!, length: 1 };
  const forms: [RegExp, number][] = [
    [/^[0-7]{1,3}/, 8],
    [/^x[0-9A-Fa-f]{1,2}/, 16],
    [/^u[0-9A-Fa-f]{1,4}/, 16],
    [/^U[0-9A-Fa-f]{1,8}/, 16],
  ];
  for (const [re, radix] of forms) {
    const m = re.exec(src.slice(at, at + 9));
    if (!m) continue;
    const digits = radix === 8 ? m[0] : m[0].slice(1);
    const code = Number.parseInt(digits, radix);
    return { value: code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd", length: m[0].length };
  }
  // bash keeps an unknown escape as it is.
  return { value: `\\${c}`, length: c === "" ? 0 : 1 };
}

function countLines(text: string): number {
  let n = 0;
  for (const c of text) if (c === "\n") n++;
  return n;
}
