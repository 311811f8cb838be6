/**
 * Permalinks never change (DESIGN.md, URL contract): a document's old paths stay
 * as redirects (`aliases`), and every URL once published is recorded so a rename
 * without an alias is caught before the site goes out. Pure functions; the
 * files are read in src/archive/permalinks.ts.
 */

/** Old addresses that name a file rather than a folder: kept as they are (a CMS page such as `2024/c123.html`). */
const FILE_EXTENSIONS = ['.html', '.htm', '.shtml'];

/**
 * An alias as written in front matter, as a site path under the base:
 * `/courses/old/doc/`, `courses/old/doc`, `/peixun/courses/old/doc/` and
 * `https://www.example.gov.cn/peixun/courses/old/doc/` all give `courses/old/doc/`.
 * `undefined` when it cannot be a path of this site (query, `..`, the home page itself).
 */
export function aliasToSitePath(alias: string, base: string): string | undefined {
  let text = alias.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      if (url.search || url.hash) return undefined;
      text = url.pathname;
    } catch {
      return undefined;
    }
  }
  if (/[?#\\\s\u0000-\u001F\u007F]/.test(text)) return undefined;
  try {
    text = decodeURI(text);
  } catch {
    return undefined;
  }
  if (/[\u0000-\u001F\u007F]/.test(text)) return undefined;
  if (!text.startsWith('/')) text = `/${text}`;
  const prefix = base === '/' ? '' : base.replace(/\/$/, '');
  if (prefix && (text === prefix || text.startsWith(`${prefix}/`))) text = text.slice(prefix.length);
  const path = text.replace(/^\/+/, '');
  if (path === '') return undefined;
  const segments = path.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  if (path.endsWith('/')) return path;
  const last = segments[segments.length - 1];
  const dot = last.lastIndexOf('.');
  if (dot <= 0) return `${path}/`;
  return FILE_EXTENSIONS.includes(last.slice(dot).toLowerCase()) ? path : undefined;
}

/** `content/permalinks.json`: every document URL ever published, with the title it had. */
export interface PermalinkRecord {
  /** Site path under the base (`courses/x/y/`) → the document's title when it was recorded. */
  [sitePath: string]: string;
}

export const PERMALINKS_FILE = 'permalinks.json';

const NOTE =
  'Every document URL this archive has published. Lectern adds new ones on each build; ' +
  'if a document moves, add its old URL to the aliases of its front matter. ' +
  '本文件记录已发布的每个文稿网址，构建时自动添加；文稿改名或移动时，请把旧网址写入其 aliases。';

/** Parses the manifest; throws a `SyntaxError` with a reason when it is not the expected shape. */
export function parsePermalinkRecord(text: string): PermalinkRecord {
  const data: unknown = JSON.parse(text);
  const permalinks = typeof data === 'object' && data !== null ? (data as { permalinks?: unknown }).permalinks : undefined;
  if (typeof permalinks !== 'object' || permalinks === null || Array.isArray(permalinks)) {
    throw new SyntaxError('expected { "permalinks": { "courses/…/…/": "title" } }');
  }
  const record: PermalinkRecord = {};
  for (const [url, title] of Object.entries(permalinks)) {
    if (typeof title !== 'string') throw new SyntaxError(`expected a title for "${url}"`);
    record[url] = title;
  }
  return record;
}

/** One entry a line, sorted, so the file diffs well in git. */
export function serializePermalinkRecord(record: PermalinkRecord): string {
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ note: NOTE, permalinks: sorted }, null, 2)}\n`;
}

/** A published document as far as permalinks are concerned. */
export interface PublishedDocument {
  course: string;
  id: string;
  /** Site path: `courses/<course>/<id>/`. */
  url: string;
  title: string;
  /** Content file, for the editor: `xinyang-2024/speeches/kaiban.md`. */
  file: string;
  /** Its aliases as site paths. */
  aliases: string[];
}

/** A recorded URL that no document answers any more. */
export interface BrokenPermalink {
  url: string;
  title: string;
  /** The document that most likely moved away from `url` (same id, or same title). */
  movedTo?: PublishedDocument;
}

/** Recorded URLs that are neither a document's URL nor one of its aliases. */
export function brokenPermalinks(record: PermalinkRecord, documents: readonly PublishedDocument[]): BrokenPermalink[] {
  const answered = new Set<string>();
  for (const doc of documents) {
    answered.add(doc.url);
    for (const alias of doc.aliases) answered.add(alias);
  }
  const broken: BrokenPermalink[] = [];
  for (const [url, title] of Object.entries(record)) {
    if (answered.has(url)) continue;
    broken.push({ url, title, movedTo: likelySuccessor(url, title, documents) });
  }
  return broken.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

function likelySuccessor(url: string, title: string, documents: readonly PublishedDocument[]): PublishedDocument | undefined {
  const [, course, id] = /^courses\/([^/]+)\/([^/]+)\/$/.exec(url) ?? [];
  const sameTitle = documents.filter((d) => d.title === title);
  return (
    sameTitle.find((d) => d.course === course) ??
    sameTitle.find((d) => d.id === id) ??
    // Titles such as 开班式上的讲话 recur across courses: only a title that is unique names the document.
    (sameTitle.length === 1 ? sameTitle[0] : undefined)
  );
}

/** The record with every current document URL added; nothing is ever removed here. */
export function recordPermalinks(record: PermalinkRecord, documents: readonly PublishedDocument[]): { record: PermalinkRecord; added: number } {
  const next: PermalinkRecord = { ...record };
  let added = 0;
  for (const doc of documents) {
    if (doc.url in next) continue;
    next[doc.url] = doc.title;
    added++;
  }
  return { record: next, added };
}
