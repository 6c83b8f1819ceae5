import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { beforeAll, describe, expect, it } from "vitest";
import { MARKDOWN_ANSWER } from "@/e2e/fixtures/answer-shapes";
import { splitBlocks } from "@/lib/markdown/blocks";
import { loadHighlighter } from "./CodeBlock";
import { Markdown } from "./Markdown";
import MarkdownBlocks from "./MarkdownBlocks";

/** The rendered HTML without class and style attributes, so assertions read as structure. */
function html(text: string, growing = false): string {
  return renderToStaticMarkup(<MarkdownBlocks text={text} growing={growing} />)
    .replace(/ (class|style)="[^"]*"/g, "")
    .replace(/>\n|\n(?=<)/g, (m) => m.replace("\n", ""));
}

describe("the Markdown shell", () => {
  it("shows the text as it is until the renderer has loaded", () => {
    const out = renderToStaticMarkup(<Markdown text={"## Title\n**bold**"} />);
    expect(out).toContain("data-answer-text");
    expect(out).toContain("## Title\n**bold**");
    expect(out).not.toContain("<h2");
  });
});

describe("Markdown answers", () => {
  beforeAll(async () => {
    await loadHighlighter();
  });

  it("renders a GFM table with its alignments", () => {
    const out = renderToStaticMarkup(<MarkdownBlocks text={MARKDOWN_ANSWER} />);
    expect(out).toMatch(/<table[^>]*><thead><tr><th[^>]*>Algorithm<\/th><th[^>]*style="text-align:center">Average<\/th>/);
    expect(out).toMatch(/<td[^>]*style="text-align:right">O\(n²\)<\/td>/);
  });

  it("renders headings as headings, also with text on the next line", () => {
    expect(html("## Heading\nText")).toBe('<div data-answer-text="true"><h2>Heading</h2><p>Text</p></div>');
    expect(html("# One\n\n###### Six")).toContain("<h1>One</h1><h6>Six</h6>");
  });

  it("renders `text:` followed by a list without a blank line as a paragraph and a list", () => {
    expect(html("Steps:\n1. first\n2. second")).toContain("<p>Steps:</p><ol><li>first</li><li>second</li></ol>");
  });

  it("renders nested lists nested", () => {
    const out = html(MARKDOWN_ANSWER);
    expect(out).toContain(
      "<ol><li>Measure the input size<ul><li>small inputs: insertion sort</li><li>large inputs:<ul><li>merge sort when stability matters</li></ul></li></ul></li><li>Check memory</li></ol>",
    );
  });

  it("renders task lists with checked and unchecked boxes", () => {
    const out = html("- [x] done\n- [ ] to do");
    expect(out).toContain('<li><input type="checkbox" disabled="" checked=""/> done</li>');
    expect(out).toContain('<li><input type="checkbox" disabled=""/> to do</li>');
  });

  it("leaves snake_case_word alone and renders emphasis, bold, strike and inline code", () => {
    expect(html("a snake_case_word and *em* **strong** ~~gone~~ `x_y`")).toBe(
      '<div data-answer-text="true"><p>a snake_case_word and <em>em</em> <strong>strong</strong> <del>gone</del> <code>x_y</code></p></div>',
    );
  });

  it("links bare URLs, keeping a closing parenthesis that belongs to the URL", () => {
    const out = html("see https://en.wikipedia.org/wiki/Sorting_algorithm_(computer_science). Or (https://example.org/a).");
    expect(out).toContain(
      '<a href="https://en.wikipedia.org/wiki/Sorting_algorithm_(computer_science)" target="_blank" rel="noopener noreferrer nofollow">',
    );
    expect(out).toContain(
      '(<a href="https://example.org/a" target="_blank" rel="noopener noreferrer nofollow">https://example.org/a</a>).',
    );
  });

  it("highlights fenced code by its language and gives each block a Copy code button", () => {
    const out = html("```python\ndef f(x):\n    return 1\n```\n\n```ts\nconst a: number = 1;\n```");
    expect(out).toContain('<code data-highlighted=""><span>def</span> <span>f</span>(<span>x</span>):');
    expect(out.match(/aria-label="Copy code"/g)).toHaveLength(2);
    expect(renderToStaticMarkup(<MarkdownBlocks text={"```python\ndef f(): pass\n```"} />)).toContain(
      '<span class="hljs-keyword">def</span>',
    );
    expect(renderToStaticMarkup(<MarkdownBlocks text={"```ts\nconst a = 1;\n```"} />)).toContain('<span class="hljs-keyword">const</span>');
  });

  it("shows code in an unknown or no language unhighlighted", () => {
    expect(html("```klingon\nqapla'\n```")).toContain('<pre data-lang="klingon"><code>qapla&#x27;</code></pre>');
    expect(html("```\n<b>x</b>\n```")).toContain("<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>");
  });

  it("renders block quotes and rules", () => {
    expect(html("> quoted\n\n---\n\nafter")).toBe(
      '<div data-answer-text="true"><blockquote><p>quoted</p></blockquote><hr/><p>after</p></div>',
    );
  });
});

describe("safety", () => {
  it("shows raw HTML as text, never as elements", () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\na <b onclick="x()">b</b>');
    expect(out).not.toMatch(/<(script|img|b)[\s>]/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&lt;b onclick=&quot;x()&quot;&gt;");
  });

  it("drops javascript:, data: and vbscript: link targets, in any case and in autolinks", () => {
    const out = html(
      "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,<script>x</script>) [d](vbscript:msgbox) <javascript:alert(1)> [e](%6Aavascript:x)",
    );
    expect(out).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    expect(out).toContain("<span>a</span> <span>b</span>");
  });

  it("does not load images from the answer's URLs, and drops unsafe image sources", () => {
    const out = html("![a cat](https://example.org/cat.png) ![x](javascript:alert(1))");
    expect(out).not.toContain("<img");
    expect(out).toContain('<a href="https://example.org/cat.png" target="_blank" rel="noopener noreferrer nofollow">image: a cat</a>');
    expect(out).toContain("<span>x</span>");
  });

  it("keeps safe links: https, mailto and relative", () => {
    const out = html("[w](https://example.org) [m](mailto:a@example.org) [r](#part)");
    expect(out).toContain('href="https://example.org"');
    expect(out).toContain('href="mailto:a@example.org"');
    expect(out).toContain('href="#part"');
  });
});

describe("while streaming", () => {
  beforeAll(async () => {
    await loadHighlighter();
  });

  it("shows an unterminated fence as code so far, with its button", () => {
    const out = html("Here:\n\n```python\ndef f(x):\n    return", true);
    expect(out).toMatch(/<p>Here:<\/p><div><div><span>python<\/span><button[^>]*aria-label="Copy code"/);
    expect(out).toContain("<span>def</span> <span>f</span>(<span>x</span>):\n    <span>return</span></code></pre>");
  });

  it("shows an unclosed ** or ` in the growing block already formatted, not as markers", () => {
    expect(html("Some **bold te", true)).toContain("<p>Some <strong>bold te</strong></p>");
    expect(html("Call `snake_ca", true)).toContain("<p>Call <code>snake_ca</code></p>");
  });

  it("leaves a bare URL still arriving as it is, underscores and all", () => {
    expect(html("see https://en.wikipedia.org/wiki/Sorting_algorithm_(comp", true)).toBe(
      '<div data-answer-text="true"><p>see <a href="https://en.wikipedia.org/wiki/Sorting_algorithm_(comp" target="_blank" rel="noopener noreferrer nofollow">https://en.wikipedia.org/wiki/Sorting_algorithm_(comp</a></p></div>',
    );
    expect(html("an *open", true)).toContain("<p>an <em>open</em></p>");
  });

  it("shows a half-typed link as its text only", () => {
    const out = html("read [the guide](https://exa", true);
    expect(out).not.toContain("href");
    expect(out).toContain("the guide");
  });

  it("closes nothing in a finished answer: its markers stay as written", () => {
    expect(html("2 ** 3 is a power")).toContain("<p>2 ** 3 is a power</p>");
  });

  it("only heals the last block: earlier blocks are rendered as they are", () => {
    expect(html("an **open\n\nnext **one", true)).toContain("<p>an **open</p><p>next <strong>one</strong></p>");
  });

  it("shows a long growing block as plain text, then as Markdown once complete", () => {
    const long = `**${"word ".repeat(500).trim()}**`;
    expect(html(long, true)).toContain(`<p>${long}</p>`);
    expect(html(long)).toContain("<p><strong>");
  });

  it("renders every prefix of the answer without throwing, ending as the whole answer does", () => {
    for (let i = 0; i <= MARKDOWN_ANSWER.length; i += 13) html(MARKDOWN_ANSWER.slice(0, i), true);
    expect(html(MARKDOWN_ANSWER, true)).toBe(html(MARKDOWN_ANSWER));
  });
});

describe("blocks render as the whole text does", () => {
  const whole = (text: string) =>
    renderToStaticMarkup(<ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>)
      .replace(/\n/g, "")
      .replace(/<pre><code[^>]*>[\s\S]*?<\/code><\/pre>/g, "<pre/>");
  const parts = (text: string) =>
    splitBlocks(text)
      .map((b) => whole(b))
      .join("");

  it("for the sample answer", () => {
    expect(parts(MARKDOWN_ANSWER)).toBe(whole(MARKDOWN_ANSWER));
  });

  it("for any text made of Markdown's block markers", () => {
    const alphabet = ["word", " ", "\n", "\n\n", "- ", "1. ", "2) ", "> ", "```", "# ", "  ", "    ", "| a |", "|---|", "***", "==="];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((xs) => xs.join(""));
    fc.assert(fc.property(text, (t) => parts(t) === whole(t)));
  });
});
