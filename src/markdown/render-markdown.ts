import MarkdownIt from 'markdown-it';
import cjkFriendly from 'markdown-it-cjk-friendly';
import type { Token } from 'markdown-it';
import { HeadingIds } from './heading-ids.ts';

/** What Astro's `render()` reads from a rendered entry (`rendered.metadata.headings`). */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedMarkdown {
  html: string;
  headings: RenderedHeading[];
}

/**
 * Markdown the fast renderer leaves to Astro's unified pipeline, which it would render
 * differently: images (Astro resolves and optimises them), code (Shiki highlights it),
 * footnotes, math, `www.` links without a scheme and single-tilde strikethrough (GFM
 * features markdown-it lacks). Official documents rarely have any of these.
 * Raw HTML (anything that looks like a tag) goes there too, because only the unified
 * pipeline sanitises it (src/markdown/sanitize.ts, docs/security.md).
 */
const NEEDS_UNIFIED = /!\[|\[\^|^ {0,3}(?:```|~~~)|^(?: {4}|\t)\S|\$\$|(?<![\w/.])www\.|(?<!~)~(?!~)|<[A-Za-z!/?]/m;

export function needsUnified(markdown: string): boolean {
  return NEEDS_UNIFIED.test(markdown);
}

/**
 * The document renderer: markdown-it with markdown-it-cjk-friendly, which applies the same
 * CJK emphasis rule as remark-cjk-friendly (`这是**我想做的事。**所以` gives <strong>), with
 * GFM tables, strikethrough and autolinks, raw HTML passed through, no typographic
 * replacements (official text comes out as written), and the heading ids of
 * rehype-heading-ids. About 15 times faster than unified on Chinese documents
 * (measured in docs/scaling.md), which is what lets 10,000 documents render in seconds.
 */
const md = new MarkdownIt({ html: true, linkify: true, typographer: false }).use(cjkFriendly);
// GFM autolinks only `www.` and scheme links; markdown-it's fuzzy matching would also
// link bare domains such as `example.cn` that remark leaves as text.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: true });

// remark-rehype's output, which pages and their Content-Security-Policy expect: table
// alignment as the `align` attribute (a `style` attribute would need 'unsafe-inline'),
// strikethrough as <del>.
for (const type of ['th_open', 'td_open']) {
  md.renderer.rules[type] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    const style = token.attrGet('style');
    const align = typeof style === 'string' ? /text-align:\s*(left|right|center)/.exec(style)?.[1] : undefined;
    if (style) token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
    if (align) token.attrSet('align', align);
    return self.renderToken(tokens, idx, options);
  };
}
md.renderer.rules.s_open = () => '<del>';
md.renderer.rules.s_close = () => '</del>';

md.core.ruler.push('lectern_heading_ids', (state) => {
  const ids = new HeadingIds();
  const headings: RenderedHeading[] = [];
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open.type !== 'heading_open') continue;
    const text = inlineText(tokens[i + 1]);
    const id = open.attrGet('id');
    const slug = ids.next(text, id === null ? undefined : String(id));
    open.attrSet('id', slug);
    headings.push({ depth: Number(open.tag.slice(1)), slug, text });
  }
  (state.env as { headings?: RenderedHeading[] }).headings = headings;
});

/** The text of a heading as hast-util-to-string would give it: text and code, no markup. */
function inlineText(inline: Token | undefined): string {
  if (!inline?.children) return '';
  let text = '';
  for (const child of inline.children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
  }
  return text;
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const env: { headings?: RenderedHeading[] } = {};
  // unified's output has no final newline; keep pages byte-identical whichever renderer ran.
  const html = md.render(markdown, env).replace(/\n$/, '');
  return { html, headings: env.headings ?? [] };
}
