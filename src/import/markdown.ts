/**
 * The body as Markdown: paragraphs and headings, with the characters escaped that
 * would otherwise turn plain text into Markdown syntax (a line starting with `#`,
 * `*…*`, `[…](…)`), so that the text reads on the page exactly as it was written.
 */

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; depth: number; text: string };

/** Escapes what CommonMark and GFM would read as syntax inside a line of plain text. */
export function escapeMarkdown(line: string): string {
  let text = line
    .replace(/\\/g, '\\\\')
    .replace(/([*_`~[\]])/g, '\\$1')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  text = text
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+])(?=\s)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-=])(?=\1*\s*$)/, '\\$1');
  return text;
}

/** Undoes `escapeMarkdown` (for tests and for comparing text). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_`~[\]<&#>+\-.)=])/g, '$1');
}

/** Blocks joined with blank lines; `escape` is off for Markdown sources. */
export function blocksToMarkdown(blocks: readonly Block[], escape: boolean): string {
  const out = blocks.map((block) => {
    const text = escape ? block.text.split('\n').map(escapeMarkdown).join('\n') : block.text;
    return block.type === 'heading' ? `${'#'.repeat(block.depth)} ${text}` : text;
  });
  return out.length === 0 ? '' : `${out.join('\n\n')}\n`;
}
