import type { CharAutomaton } from "./automaton";
import { has } from "./charset";
import type { Nfa } from "./regex-nfa";

const UNKNOWN = -2;
const DEAD = -1;

interface DfaState {
  /** Sorted ε-closed NFA states. */
  readonly nfa: readonly number[];
  readonly distance: number;
  /** Transitions for ASCII, the common case, in a flat array; others in a map. */
  readonly ascii: Int32Array;
  readonly other: Map<number, number>;
}

/**
 * Subset construction done lazily: a DFA state (a set of NFA states) is created the first time a
 * walk reaches it, and each transition is computed once. States that cannot reach acceptance are
 * folded into DEAD so the mask walk prunes them.
 */
export class LazyDfa implements CharAutomaton<number> {
  readonly start: number;
  private readonly states: DfaState[] = [];
  private readonly index = new Map<string, number>();

  constructor(
    private readonly nfa: Nfa,
    private readonly nfaDistance: Float64Array,
  ) {
    this.start = this.intern(this.closure([nfa.start]));
  }

  step(state: number, cp: number): number | null {
    const s = this.states[state]!;
    let next = cp < 128 ? s.ascii[cp]! : (s.other.get(cp) ?? UNKNOWN);
    if (next === UNKNOWN) {
      next = this.transition(s, cp);
      if (cp < 128) s.ascii[cp] = next;
      else s.other.set(cp, next);
    }
    return next === DEAD ? null : next;
  }

  distance(state: number): number {
    return state === DEAD ? Number.POSITIVE_INFINITY : this.states[state]!.distance;
  }

  key(state: number): number {
    return state;
  }

  private transition(s: DfaState, cp: number): number {
    const targets: number[] = [];
    for (const q of s.nfa) {
      const set = this.nfa.set[q];
      if (set && has(set, cp)) targets.push(this.nfa.to[q]!);
    }
    if (targets.length === 0) return DEAD;
    return this.intern(this.closure(targets));
  }

  private closure(seeds: readonly number[]): number[] {
    const seen = new Set<number>(seeds);
    const stack = [...seeds];
    while (stack.length > 0) {
      for (const t of this.nfa.eps[stack.pop()!]!) {
        if (!seen.has(t)) {
          seen.add(t);
          stack.push(t);
        }
      }
    }
    // Only states with a character edge or the accept state matter for the future.
    return [...seen].filter((q) => this.nfa.set[q] !== null || q === this.nfa.accept).sort((a, b) => a - b);
  }

  private intern(nfa: number[]): number {
    let distance = Number.POSITIVE_INFINITY;
    for (const q of nfa) distance = Math.min(distance, this.nfaDistance[q]!);
    if (distance === Number.POSITIVE_INFINITY) return DEAD;
    const key = nfa.join(",");
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.states.length;
      this.states.push({ nfa, distance, ascii: new Int32Array(128).fill(UNKNOWN), other: new Map() });
      this.index.set(key, id);
    }
    return id;
  }
}
