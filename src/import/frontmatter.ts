import { Document, isScalar, visit } from 'yaml';
import type { DocumentKind } from '../schemas/document.ts';

/** The order fields are written in, per kind: what an editor looks for first comes first. */
const FIELD_ORDER: Record<DocumentKind, string[]> = {
  speech: ['title', 'subtitle', 'date', 'speaker', 'occasion', 'source', 'sourceUrl', 'authors'],
  lecture: ['title', 'subtitle', 'date', 'lecturers', 'format', 'series', 'source', 'sourceUrl', 'authors'],
  writeup: ['title', 'subtitle', 'date', 'source', 'sourceUrl', 'authors', 'reporters', 'correspondents', 'photographers', 'editors', 'images'],
};
const TRAILING = ['summary', 'tags', 'omitted', 'attachments', 'aliases', 'draft'];

/** The fields in the order they are written; empty values are left out. */
export function orderFrontmatter(kind: DocumentKind, data: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  const keys = [...FIELD_ORDER[kind], ...TRAILING, ...Object.keys(data)];
  for (const key of keys) {
    if (key in ordered) continue;
    const value = data[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0 && !(kind === 'lecture' && key === 'lecturers')) continue;
    ordered[key] = value;
  }
  return ordered;
}

/**
 * The front matter as YAML: lists of names in flow style (`reporters: [王紫仪]`, as
 * the content guide writes them), no line folding (a long title stays on one line).
 */
export function frontmatterToYaml(data: Record<string, unknown>): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A whole Markdown file: front matter between `---` lines, then the body. */
export function documentToMarkdown(data: Record<string, unknown>, body: string): string {
  return `---\n${frontmatterToYaml(data)}---\n\n${body}`;
}
