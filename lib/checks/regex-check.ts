/**
 * Checks a `guided_regex` the way the servers that take it read it: vLLM and Telnyx hand it to
 * Python-`re`-syntax engines (outlines, xgrammar), not to JavaScript. Python-only syntax is first
 * rewritten to its JavaScript equivalent, then the pattern is compiled in JavaScript's lenient
 * (non-unicode) mode, so only what is invalid in both (an unclosed group, a quantifier with
 * nothing to repeat, a reversed range) is reported: a warning must be certain.
 */
export function regexProblem(source: string): string | null {
  try {
    new RegExp(toJavaScript(source));
    return null;
  } catch (e) {
    return `Not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, "")}`;
  }
}

/** Python `re` syntax → JavaScript syntax of the same meaning, outside character classes and escapes. */
export function toJavaScript(source: string): string {
  let out = "";
  let inClass = false;
  // The last thing emitted was a quantifier (so a "+" now makes it possessive).
  let quantified = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const rest = source.slice(i);
    const wasQuantified: boolean = quantified;
    quantified = false;
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      // \A and \Z anchor the whole string in Python; JavaScript has no such escapes.
      if (!inClass && next === "A") out += "^";
      else if (!inClass && next === "Z") out += "$";
      else out += c + next;
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal in Python.
      const lead = /^\[\^?\]/.exec(rest);
      if (lead) {
        out += `${lead[0].slice(1, -1)}\\]`;
        i += lead[0].length - 1;
      }
      continue;
    }
    const named = /^\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      out += `(?<${named[1]}>`;
      i += named[0].length - 1;
      continue;
    }
    const backref = /^\(\?P=([A-Za-z_][A-Za-z0-9_]*)\)/.exec(rest);
    if (backref) {
      out += `\\k<${backref[1]}>`;
      i += backref[0].length - 1;
      continue;
    }
    // Inline flags: global (?i) / (?aiLmsux), scoped (?i:...) / (?i-s:...); atomic groups (?>...).
    const flags = /^\(\?[aiLmsux]+\)/.exec(rest);
    if (flags) {
      i += flags[0].length - 1;
      continue;
    }
    const scoped = /^\(\?(?:[aiLmsux]*-?[imsx]*:|>)/.exec(rest);
    if (scoped && scoped[0] !== "(?:") {
      out += "(?:";
      i += scoped[0].length - 1;
      continue;
    }
    // Possessive quantifiers (Python 3.11): a*+ a++ a?+ a{2}+ accept the same strings as a* a+ a? a{2}.
    if (c === "+" && wasQuantified) continue;
    const isQuantifier = c === "*" || c === "+" || c === "?" || (c === "}" && /\{\d+(,\d*)?$/.test(out));
    // A "?" right after a quantifier makes it lazy; it is not one itself.
    quantified = isQuantifier && !(c === "?" && wasQuantified);
    out += c;
  }
  return out;
}
