/**
 * The table of contents of a document, from the headings Markdown rendering
 * collected (`render()` → `headings`). Outline headings (一、 and （一）) are
 * Markdown headings in Lectern's content, so their levels come from the depth.
 */

/** A heading as Astro's Markdown pipeline reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Fewer headings than this and a table of contents only repeats the page. */
export const TOC_MIN_HEADINGS = 2;

/**
 * The two shallowest heading levels of a document, nested: `## 一、` with its
 * `### （一）`. Deeper levels (1. and （1）) stay in the text; a contents list of
 * four levels is harder to scan than the document. `h1` is the page title and
 * never listed. Returns `[]` when fewer than two headings qualify.
 */
export function headingsToToc(headings: readonly Heading[]): TocEntry[] {
  const usable = headings.filter((h) => h.depth >= 2 && h.slug !== '' && h.text.trim() !== '');
  const depths = [...new Set(usable.map((h) => h.depth))].sort((a, b) => a - b);
  const [top, second] = depths;
  const listed = usable.filter((h) => h.depth === top || h.depth === second);
  if (listed.length < TOC_MIN_HEADINGS) return [];
  const toc: TocEntry[] = [];
  for (const heading of listed) {
    const entry: TocEntry = { slug: heading.slug, text: heading.text.trim(), children: [] };
    const parent = toc.at(-1);
    // A second-level heading before any first-level one is listed at the top.
    if (heading.depth === second && parent) parent.children.push(entry);
    else toc.push(entry);
  }
  return toc;
}
