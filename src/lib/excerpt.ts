/**
 * Plain-text excerpts of Markdown bodies, for feeds, the JSON index and meta
 * descriptions of documents that have no `summary`.
 */

/** Blocks that are not running text: headings, tables, fences, rules, lists, raw HTML, MDX statements. */
const SKIPPED_BLOCK = /^(#{1,6}\s|\||```|~~~|(-{3,}|\*{3,}|_{3,})\s*$|[-*+]\s|\d+[.)]\s|<|import\s|export\s)/;

/**
 * The first paragraph of `markdown` as plain text, cut to `maxChars` characters
 * (with an ellipsis) when longer; `undefined` when the body has no paragraph.
 */
export function firstParagraph(markdown: string, maxChars = 160): string | undefined {
  const text = markdown.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  for (const block of text.split(/\n[ \t]*\n/)) {
    const trimmed = block.trim().replace(/^>\s?/gm, '');
    if (trimmed === '' || SKIPPED_BLOCK.test(trimmed)) continue;
    const plain = markdownToPlain(trimmed);
    if (plain !== '') return truncate(plain, maxChars);
  }
  return undefined;
}

/** Inline Markdown to the text a reader sees: links keep their text, images and markers go. */
export function markdownToPlain(inline: string): string {
  const text = inline
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
  // Chinese lines are joined without a space; a space is kept only between two Latin words.
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .reduce((joined, line) => (joined === '' ? line : /[A-Za-z0-9,.;:!?]$/.test(joined) && /^[A-Za-z0-9]/.test(line) ? `${joined} ${line}` : joined + line), '')
    .replace(/[ \t]+/g, ' ');
}

/** At most `maxChars` characters (code points, so no surrogate pair is split), with `…` when cut. */
export function truncate(text: string, maxChars: number): string {
  const chars = Array.from(text);
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(1, maxChars - 1)).join('').trimEnd()}…`;
}
