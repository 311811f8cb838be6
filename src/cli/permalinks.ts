import path from 'node:path';
import { PERMALINKS_FILE } from '../lib/permalinks.ts';
import { deployment } from '../archive/deployment.ts';
import { permalinkMessages, updatePermalinkRecord } from '../archive/permalinks.ts';
import type { Archive } from '../archive/read-archive.ts';
import { reportArchive } from './check.ts';

/**
 * `lectern permalinks`: starts (or completes) the record of published addresses.
 * Refuses while the archive has problems, so a broken rename is never recorded as published.
 */
export function recordArchivePermalinks(content: string): boolean {
  const { archive, ok } = reportArchive(content);
  if (!ok) return false;
  const result = updatePermalinkRecord(content, archive.documents, archive.courses, { create: true });
  if (!result) return false;
  process.stdout.write(`${permalinkMessages().recorded(relative(result.file), result.added, result.total)}\n`);
  return true;
}

/**
 * After a build: adds what was just published to the record when the archive keeps one;
 * when it does not and the site has a public address, says how to start one.
 */
export function keepPermalinkRecord(archive: Archive): void {
  const result = updatePermalinkRecord(archive.root, archive.documents, archive.courses, { create: false });
  if (result) {
    if (result.added > 0) process.stdout.write(`${permalinkMessages().recorded(relative(result.file), result.added, result.total)}\n`);
    return;
  }
  if (deployment(archive.root).site) {
    process.stdout.write(`${permalinkMessages().hint(relative(path.join(archive.root, PERMALINKS_FILE)))}\n`);
  }
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
