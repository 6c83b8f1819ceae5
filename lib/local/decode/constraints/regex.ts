import { badRequest } from "../../../errors";
import { AutomatonMatcher, MaskEngine } from "./automaton";
import { buildNfa, distancesToAccept } from "./regex-nfa";
import { type RegexNode, parseRegex } from "./regex-parse";
import { LazyDfa } from "./regex-dfa";
import type { Constraint } from "./types";
import type { VocabTrie } from "./vocab-trie";

/** Compiles a full-match regex AST into a constraint over the vocabulary. */
export function regexConstraint(ast: RegexNode, trie: VocabTrie, kind: "regex" | "choice", param: string): Constraint {
  const nfa = buildNfa(ast);
  const dfa = new LazyDfa(nfa, distancesToAccept(nfa, trie.singles));
  if (dfa.distance(dfa.start) === Number.POSITIVE_INFINITY) {
    throw badRequest(
      `Invalid ${param}: no output can match it with the local model's vocabulary (the pattern matches nothing, or needs characters the vocabulary cannot spell one at a time).`,
      param,
    );
  }
  const engine = new MaskEngine(dfa, trie);
  return { kind, matcher: () => new AutomatonMatcher(engine, dfa.start) };
}

export function compileRegex(pattern: unknown, trie: VocabTrie): Constraint {
  if (typeof pattern !== "string") throw badRequest("guided_regex must be a string.", "guided_regex");
  return regexConstraint(parseRegex(pattern), trie, "regex", "guided_regex");
}
