import path from 'node:path';
import { PERMALINKS_FILE } from '../lib/permalinks.ts';
import { deployment } from '../archive/deployment.ts';
import { permalinkMessages, publishedDocuments, updatePermalinkRecord } from '../archive/permalinks.ts';
import type { PublishedDocument } from '../lib/permalinks.ts';
import { reportArchive } from './check.ts';

/**
 * `lectern permalinks`: starts (or completes) the record of published addresses.
 * Refuses while the archive has problems, so a broken rename is never recorded as published.
 */
export function recordArchivePermalinks(content: string): boolean {
  const { archive, ok } = reportArchive(content);
  if (!ok) return false;
  const published = publishedDocuments(archive.documents, archive.courses, deployment(content).base);
  const result = updatePermalinkRecord(content, published, { create: true });
  if (!result) return false;
  process.stdout.write(`${permalinkMessages().recorded(relative(result.file), result.added, result.total)}\n`);
  return true;
}

/**
 * After a build: adds what was just published to the record when the archive keeps one;
 * when it does not and the site has a public address, says how to start one.
 */
export function keepPermalinkRecord(root: string, published: readonly PublishedDocument[]): void {
  const result = updatePermalinkRecord(root, published, { create: false });
  if (result) {
    if (result.added > 0) process.stdout.write(`${permalinkMessages().recorded(relative(result.file), result.added, result.total)}\n`);
    return;
  }
  if (deployment(root).site) {
    process.stdout.write(`${permalinkMessages().hint(relative(path.join(root, PERMALINKS_FILE)))}\n`);
  }
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
