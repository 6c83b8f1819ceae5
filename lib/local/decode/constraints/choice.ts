import { badRequest } from "../../../errors";
import { AutomatonMatcher, type CharAutomaton, MaskEngine } from "./automaton";
import type { Constraint } from "./types";
import type { VocabTrie } from "./vocab-trie";

const PARAM = "guided_choice";
const MAX_CHOICES = 10_000;
const MAX_TOTAL_CHARS = 1_000_000;

/**
 * guided_choice: a character trie over the choices. Its distance counts *tokens*, not characters
 * (the least number of vocabulary tokens that spell the rest of some choice), so a choice spelled
 * only by a multi-character piece such as "日本" still works in closing mode.
 */
class ChoiceAutomaton implements CharAutomaton<number> {
  readonly start = 0;
  readonly children: Map<number, number>[] = [new Map()];
  readonly terminal: boolean[] = [false];
  tokens: Float64Array = new Float64Array(0);

  add(choice: string): number {
    let node = 0;
    for (const ch of choice) {
      const cp = ch.codePointAt(0)!;
      let next = this.children[node]!.get(cp);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.terminal.push(false);
        this.children[node]!.set(cp, next);
      }
      node = next;
    }
    this.terminal[node] = true;
    return node;
  }

  step(state: number, cp: number): number | null {
    return this.children[state]!.get(cp) ?? null;
  }

  distance(state: number): number {
    return this.tokens[state]!;
  }

  key(state: number): number {
    return state;
  }

  /** Where each token leads from `node` (lockstep walk of the two tries). */
  destinations(node: number, trie: VocabTrie): number[] {
    const out: number[] = [];
    const walk = (v: number, c: number) => {
      for (let e = trie.edgeStart[v]!; e < trie.edgeStart[v + 1]!; e++) {
        const next = this.children[c]!.get(trie.edgeCp[e]!);
        if (next === undefined) continue;
        const child = trie.edgeTo[e]!;
        if (trie.idStart[child + 1]! > trie.idStart[child]!) out.push(next);
        walk(child, next);
      }
    };
    walk(0, node);
    return out;
  }

  /** Node ids grow with depth along every path, so a reverse sweep sees successors first. */
  computeDistances(trie: VocabTrie): void {
    const n = this.children.length;
    this.tokens = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    for (let node = n - 1; node >= 0; node--) {
      if (this.terminal[node]) {
        this.tokens[node] = 0;
        continue;
      }
      for (const next of this.destinations(node, trie)) this.tokens[node] = Math.min(this.tokens[node]!, 1 + this.tokens[next]!);
    }
  }
}

function validate(choices: unknown): string[] {
  if (!Array.isArray(choices) || choices.length === 0) throw badRequest("guided_choice must be a non-empty array of strings.", PARAM);
  if (choices.length > MAX_CHOICES) throw badRequest(`guided_choice may hold at most ${MAX_CHOICES} strings.`, PARAM);
  let total = 0;
  for (const [i, c] of choices.entries()) {
    if (typeof c !== "string") throw badRequest(`guided_choice[${i}] must be a string.`, PARAM);
    total += c.length;
  }
  if (total > MAX_TOTAL_CHARS) throw badRequest("guided_choice is too large.", PARAM);
  return choices as string[];
}

export function compileChoice(raw: unknown, trie: VocabTrie): Constraint {
  const choices = validate(raw);
  const automaton = new ChoiceAutomaton();
  const ends = choices.map((c) => automaton.add(c));
  automaton.computeDistances(trie);
  // A choice is reachable when some token path from the root ends exactly at its node.
  const reachable = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    for (const next of automaton.destinations(queue.pop()!, trie)) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }
  const bad = ends.findIndex((node) => !reachable.has(node));
  if (bad >= 0)
    throw badRequest(`guided_choice[${bad}] (${JSON.stringify(choices[bad])}) cannot be spelled by the local model's vocabulary.`, PARAM);
  const engine = new MaskEngine(automaton, trie);
  return { kind: "choice", matcher: () => new AutomatonMatcher(engine, 0) };
}
