/**
 * Limits of an evaluation (apart from ./schema so that share links can use them without a cycle).
 * Its targets are compare columns, edited by compare's reducer: compare's limits are its own.
 */
export { MAX_COLUMNS as MAX_EVAL_TARGETS, MAX_REPEATS as MAX_EVAL_REPEATS } from "../compare/limits";
export const MAX_ASSERTIONS = 30;
/** A pasted or loaded file of 1,000 cases of a few paragraphs each fits. */
export const MAX_CASES_TEXT = 4_000_000;
/** Cases longer than this stay out of a share link (the link says so); the rest of the definition goes in. */
export const MAX_SHARED_CASES_TEXT = 100_000;
