import { describe, expect, it } from "vitest";
import { splitShell } from "./shell";

const words = (text: string) => {
  const r = splitShell(text);
  if (!r.ok) throw new Error(r.error);
  return r.commands.map((c) => c.map((w) => w.text));
};

describe("splitShell", () => {
  it("joins \\ continuations and splits commands on newlines, ; and &&", () => {
    expect(words("curl a \\\n  -H 'x: y'\necho hi; ls && pwd")).toEqual([["curl", "a", "-H", "x: y"], ["echo", "hi"], ["ls"], ["pwd"]]);
  });

  it("reads single quotes literally, including '\\'' joins", () => {
    expect(words(`echo 'it'\\''s $HOME \`x\` \\n'`)).toEqual([["echo", "it's $HOME `x` \\n"]]);
  });

  it("reads double quotes with their escapes and keeps variables as text", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${API_KEY} must stay unexpanded
    expect(words(`echo "a \\"b\\" \\$c \\\\ \\n \${API_KEY}"`)).toEqual([["echo", 'a "b" $c \\ \\n ${API_KEY}']]);
  });

  it("reads $'…' ANSI-C quoting", () => {
    expect(words(`echo $'a\\nb\\\\n \\'q\\' \\x41\\u00e9\\101'`)).toEqual([["echo", "a\nb\\n 'q' AéA"]]);
  });

  it("skips comments and keeps # inside words", () => {
    expect(words("# Set your key\nexport K=1 # note\ncurl a#b")).toEqual([
      ["export", "K=1"],
      ["curl", "a#b"],
    ]);
  });

  it("says which line opens a quote that never closes", () => {
    expect(splitShell("curl a \\\n -d '{\n")).toEqual({ ok: false, error: "Line 2: a ' quote opened here is never closed." });
    expect(splitShell('x "abc')).toEqual({ ok: false, error: 'Line 1: a " quote opened here is never closed.' });
  });
});
