import MarkdownIt from "markdown-it";

/**
 * The operator's Markdown as HTML: raw HTML is shown as text (`html: false`),
 * images are off (a page loads nothing from other hosts), `javascript:`,
 * `vbscript:`, `file:` and `data:` links are refused by markdown-it's
 * `validateLink`, and headings move one level down under the page's own `<h1>`.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable("image");

markdown.core.ruler.push("below_page_heading", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close")
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
  }
});

/** Renders trusted-format, untrusted-content Markdown to HTML safe to put in a page. */
export function renderMarkdown(text: string): string {
  return markdown.render(text);
}
