/**
 * The contract between the local model's decoder (lib/local/decode) and the guided-decoding engines
 * (lib/local/decode/constraints). The decoder owns the vocabulary and the sampling; a constraint only
 * says which tokens may come next, so masking happens before every other parameter is applied.
 */

/** The tokenizer's vocabulary as the constraint engines see it. */
export interface Vocab {
  /** Piece text per token id; pieces joined give exactly the text. */
  readonly pieces: readonly string[];
  /** The end-of-sequence token id (its piece is never emitted as text). */
  readonly eosId: number;
}

/** Tracks one generation's output against a constraint; one per choice or beam. */
export interface ConstraintMatcher {
  /**
   * Token ids that can extend the output so far to a prefix of some valid output, plus whether
   * the output is already complete (so end-of-sequence is allowed). `closing`, when asked for,
   * keeps only tokens that bring the output strictly nearer to a complete one, so a decoder that
   * has run long can always steer to an end.
   */
  allowed(options?: { closing?: boolean }): { ids: readonly number[]; eos: boolean };
  /** Commit a token; throws if the token was not allowed. */
  advance(tokenId: number): void;
  /** The output so far is a complete valid output. */
  isComplete(): boolean;
  /** Complete, and no token can extend it further: the decoder must stop. */
  mustEnd(): boolean;
  /** An independent copy (beams, n choices). */
  clone(): ConstraintMatcher;
}

/** A compiled constraint; `matcher` starts tracking a new output. */
export interface Constraint {
  readonly kind: "choice" | "regex" | "json_schema" | "json_object";
  matcher(): ConstraintMatcher;
}
