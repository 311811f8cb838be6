/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose
 * key and code are unchanged since the last build is copied from the cache instead of
 * rendered. A key must change whenever anything the page shows changes, or the page goes
 * stale; so the keys are deliberately coarse:
 *
 * - every key contains the *listing digest*: Lectern's code version, the front matter of
 *   every course and document, the course bodies, site.yaml, people.yaml and where the
 *   site is served. Lists, related
 *   documents, neighbours, people and tags come from these, so changing a title, a date,
 *   a person or a tag anywhere renders every page again;
 * - a page that shows document bodies adds their digests (text, data and renderer version,
 *   see loaders/archive-loader.ts) and the sizes of their attachments.
 *
 * Editing the text of one document therefore renders its own page, its course's
 * compilation and its course's feeds (which give a body's first paragraph as its summary).
 * Code changes are Astro's part: a page whose modules changed is never taken from the
 * cache, and a changed config or lockfile drops the whole cache.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../archive/content-dir.ts';
import { getCourses, getDocuments, type ArchiveDoc, type CourseEntry } from './archive.ts';
import { courseFileSize } from './reading.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

let listing: Promise<string> | undefined;

export function listingDigest(): Promise<string> {
  listing ??= (async () => {
    const hash = createHash('sha256');
    for (const file of ['site.yaml', 'people.yaml']) {
      const full = path.join(contentDir(), file);
      hash.update(`${file}\0${existsSync(full) ? readUtf8(full) : ''}\0`);
    }
    // Lectern's code (set by the integration, code-version.ts) and where the site is served.
    for (const name of ['LECTERN_CODE_VERSION', 'SITE_URL', 'BASE_PATH', 'LECTERN_COURSE', 'LECTERN_SEARCH_SITES']) {
      hash.update(`${name}=${process.env[name] ?? ''}\0`);
    }
    for (const course of await getCourses()) hash.update(`c\0${course.id}\0${digestOf(course) ?? JSON.stringify(course.data)}\0`);
    for (const doc of await getDocuments()) hash.update(`d\0${doc.entry.collection}\0${doc.entry.id}\0${JSON.stringify(doc.entry.data)}\0`);
    return hash.digest('hex').slice(0, 24);
  })();
  return listing;
}

/** The key of a page that shows the bodies of `documents` (its own document, a compilation). */
export async function bodiesKey(documents: readonly ArchiveDoc[]): Promise<string | undefined> {
  const hash = createHash('sha256').update(await listingDigest());
  for (const doc of documents) {
    const digest = digestOf(doc.entry);
    // Without a digest there is no telling whether the body changed: render the page.
    if (digest === undefined) return undefined;
    hash.update(`\0${digest}`);
    for (const attachment of doc.entry.data.attachments ?? []) hash.update(`\0${attachment.file}=${courseFileSize(doc.course, attachment.file) ?? ''}`);
  }
  return hash.digest('hex').slice(0, 24);
}

/** The key of a page that shows lists only (no document bodies). */
export function listingKey(): Promise<string> {
  return listingDigest();
}

/** The digest Astro's store keeps for an entry (content loaders set it; see archive-loader.ts). */
function digestOf(entry: CourseEntry | ArchiveDoc['entry']): string | undefined {
  const digest = (entry as { digest?: unknown }).digest;
  return typeof digest === 'string' && digest !== '' ? digest : undefined;
}
