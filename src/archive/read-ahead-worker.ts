/**
 * The worker of read-ahead.ts: lists the archive's Markdown files in the order the
 * check reads them and parses their front matter from the last one back, sending
 * the readings in small batches until told to stop.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { frontmatterAsAstroReadsIt, parseLocatedYaml, splitFrontmatter } from './frontmatter.ts';
import { readTextFile } from './read-text.ts';
import { bytesHash } from './check-cache.ts';
import { courseSelected } from './course-filter.ts';
import type { AheadReading, ReadAheadData } from './read-ahead.ts';

/** Readings sent at once: few enough that the check rarely parses a file the worker has parsed too. */
const BATCH = 8;

const { root, course, kindFolders, port, stop } = workerData as ReadAheadData;
const stopped = new Int32Array(stop);
const files = markdownFiles();
let batch: AheadReading[] = [];
for (let i = files.length - 1; i >= 0 && Atomics.load(stopped, 0) === 0; i--) {
  const reading = readingOf(files[i]);
  if (reading) batch.push(reading);
  if (batch.length === BATCH) batch = send(batch);
}
if (batch.length > 0) send(batch);
port.close();

function send(readings: AheadReading[]): AheadReading[] {
  try {
    port.postMessage(readings);
  } catch {
    // A value that cannot be copied (none that YAML makes is known): the check parses those files itself.
  }
  return [];
}

/** The Markdown files the check reads, in its order: each course's course.md, then its document folders. Links are left to the check. */
function markdownFiles(): string[] {
  const files: string[] = [];
  for (const folder of entries('', 'directory')) {
    if (!courseSelected(course, folder)) continue;
    files.push(...entries(folder, 'file').filter((name) => name === 'course.md').map((name) => `${folder}/${name}`));
    for (const kind of entries(folder, 'directory')) {
      if (!kindFolders.includes(kind)) continue;
      files.push(...entries(`${folder}/${kind}`, 'file').filter((name) => /\.mdx?$/.test(name)).map((name) => `${folder}/${kind}/${name}`));
    }
  }
  return files;
}

function entries(relative: string, type: 'file' | 'directory'): string[] {
  try {
    return readdirSync(path.join(root, relative))
      .filter((name) => !name.startsWith('.'))
      .sort()
      .filter((name) => {
        const stat = lstatSync(path.join(root, relative, name));
        return type === 'file' ? stat.isFile() : stat.isDirectory();
      });
  } catch {
    return [];
  }
}

function readingOf(file: string): AheadReading | undefined {
  try {
    const read = readTextFile(path.join(root, file));
    if (!read.ok) return undefined;
    const split = splitFrontmatter(read.text);
    if (split.yaml === undefined) return undefined;
    const located = parseLocatedYaml(split.yaml);
    // Too deep for this thread's smaller stack: maybe not for the check's (read-ahead.ts).
    if (located.error?.kind === 'depth') return undefined;
    const hash = bytesHash(read.bytes);
    if (located.error) return { file, hash, yaml: { error: located.error } };
    return { file, hash, yaml: { value: located.value }, astro: frontmatterAsAstroReadsIt(read.text) };
  } catch {
    // The check reads the file itself and reports what is wrong with it.
    return undefined;
  }
}
