/**
 * Syntax highlighting for fenced code in answers: highlight.js grammars through lowlight, which
 * returns a syntax tree (rendered as React elements, never as an HTML string). Loaded on first
 * use only (see components/chat/CodeBlock.tsx). Only the languages models answer in most are
 * bundled, to keep this chunk small; any other language is shown unhighlighted.
 */
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import type { Root } from "hast";
import { createLowlight } from "lowlight";

const lowlight = createLowlight({ bash, c, cpp, css, diff, go, java, javascript, json, python, rust, shell, sql, typescript, xml, yaml });

/** The highlighted tree of `code` in `lang` (a fence's info word, aliases like `py` or `ts` too), or null for an unknown language. */
export function highlight(code: string, lang: string): Root | null {
  const name = lang.toLowerCase();
  if (!name || !lowlight.registered(name)) return null;
  return lowlight.highlight(name, code);
}
