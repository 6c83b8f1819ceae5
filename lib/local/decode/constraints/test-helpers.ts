import { mulberry32 } from "../rng";
import type { ConstraintMatcher, Vocab } from "./types";

export { mulberry32 };

/**
 * Test-only: a realistic vocabulary (EOS, every printable ASCII character, word and JSON pieces,
 * some non-ASCII) and a random decoder that drives a matcher to the end the way lib/local does.
 */
const WORDS = [
  "the",
  "and",
  "name",
  "age",
  "tags",
  "active",
  "model",
  "answer",
  "yes",
  "no",
  "is",
  "com",
  "alice",
  "bob",
  "value",
  "items",
  "id",
  "type",
  "children",
  "label",
  "true",
  "false",
  "null",
  "hello",
  "world",
  "data",
  "test",
  "user",
  "mail",
  "positive",
  "negative",
  "neutral",
  "alpha",
  "beta",
  "gamma",
  "ing",
  "tion",
  "er",
  "ed",
  "an",
  "in",
  "on",
  "at",
  "re",
];
const PIECES = [
  '{"',
  '":',
  '",',
  '"}',
  '":"',
  '", "',
  '": ',
  "},",
  "]}",
  "[]",
  "{}",
  '["',
  '"]',
  "},{",
  "[{",
  ", ",
  ": ",
  '"',
  "123",
  "2024",
  "0",
  "00",
  "10",
  "-1",
  "1.5",
  ".0",
  "42",
  "99",
  "100",
  "3.14",
  "-",
  "e5",
  "1e",
  "\n",
  " ",
  "  ",
  "\t",
  "\\n",
  '\\"',
  "\\\\",
  "\\u00e9",
  "\\u",
  "é",
  "日本",
  "日",
  "ü",
  "ñ",
  "—",
  "..",
  "@",
  ".com",
  "-0",
  "00:",
  "--",
  '{"name":',
  '"name"',
  '"age":',
  "true,",
  "false}",
  "null,",
  "\r\n",
];

export function testVocab(): Vocab {
  const pieces = [""];
  const seen = new Set<string>([""]);
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      pieces.push(p);
    }
  };
  for (let c = 32; c < 127; c++) add(String.fromCharCode(c));
  for (const p of ["\t", "\n", "\r"]) add(p);
  for (const w of WORDS) {
    add(w);
    add(` ${w}`);
    add(w[0]!.toUpperCase() + w.slice(1));
    add(`"${w}"`);
    add(`"${w}":`);
  }
  for (const p of PIECES) add(p);
  return { pieces, eosId: 0 };
}

/** A small schema with every common keyword, shared by the engine, speed and end-to-end tests. */
export const PERSON_SCHEMA = {
  type: "object",
  properties: {
    name: { type: "string", maxLength: 20 },
    age: { type: "integer", minimum: 0, maximum: 120 },
    tags: { type: "array", items: { type: "string", maxLength: 10 }, maxItems: 3 },
    active: { type: "boolean" },
  },
  required: ["name", "age", "tags", "active"],
  additionalProperties: false,
};

export interface WalkResult {
  text: string;
  steps: number;
}

/**
 * Picks uniformly among allowed tokens (ending with probability `endBias` when allowed), closing
 * after `closeAfter` steps. Throws if the matcher ever offers nothing while incomplete, or if
 * closing mode does not finish within `closingBudget` steps.
 */
export function randomWalk(
  m: ConstraintMatcher,
  vocab: Vocab,
  seed: number,
  closeAfter = 30,
  endBias = 0.2,
  closingBudget = 2000,
): WalkResult {
  const rng = mulberry32(seed);
  let text = "";
  for (let step = 0; ; step++) {
    if (m.mustEnd()) break;
    const closing = step >= closeAfter;
    if (closing && step > closeAfter + closingBudget) throw new Error(`closing mode did not finish: ${JSON.stringify(text)}`);
    const a = m.allowed({ closing });
    if (a.ids.length === 0 && !a.eos) throw new Error(`no way forward after ${JSON.stringify(text)} (closing=${closing})`);
    if (a.eos && (a.ids.length === 0 || rng() < endBias)) break;
    const id = a.ids[Math.floor(rng() * a.ids.length)]!;
    m.advance(id);
    text += vocab.pieces[id];
  }
  if (!m.isComplete()) throw new Error(`ended incomplete: ${JSON.stringify(text)}`);
  return { text, steps: text.length };
}
