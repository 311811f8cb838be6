import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readArchive } from '../../src/archive/read-archive.ts';
import { ReadAhead } from '../../src/archive/read-ahead.ts';
import { bytesHash } from '../../src/archive/check-cache.ts';
import { readTextFile } from '../../src/archive/read-text.ts';
import { kindFolders } from '../../src/schemas/document.ts';
import { formatProblem, sortProblems } from '../../src/archive/problems.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

/** The basic fixture's first course, copied into `count` courses, with site.yaml and people.yaml. */
function largeArchive(count: number): string {
  const root = path.join(tempDir('lectern-read-ahead-'), 'content');
  for (const file of ['site.yaml', 'people.yaml']) cpSync(fixture('basic', file), path.join(root, file));
  for (let n = 0; n < count; n++) cpSync(fixture('basic', 'dabieshan-2024'), path.join(root, `dabieshan-2024-${String(n).padStart(2, '0')}`), { recursive: true });
  return root;
}

/** Problems of several kinds in the last course, the part of the archive the worker reads first. */
function spoil(root: string, course: string): void {
  const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(root, course, file), change(readFileSync(path.join(root, course, file), 'utf8')));
  edit('speeches/jieye-jianghua.md', (text) => text.replace(/^occasion: .*$/m, 'occasion: 结业式: 冒号'));
  edit('lectures/zhidu-lishi.md', (text) => text.replace(/^date: .*$/m, 'date: 2024-13-45'));
  edit('lectures/piaojuezhi.md', (text) => text.replace(/^title: .*$/m, 'title: 2024-11-26'));
  edit('writeups/ceji.md', (text) => text.replace(/^date: .*$/m, 'date: 2024-11-26\ndate: 2024-11-27'));
}

const report = (archive: ReturnType<typeof readArchive>) => sortProblems(archive.problems).map(formatProblem);

async function readAheadOf(root: string): Promise<ReadAhead> {
  const ahead = ReadAhead.start(root, undefined, Object.values(kindFolders));
  if (!ahead) throw new Error('the read-ahead worker did not start');
  // Let it read the whole archive first, so that the check takes every file from it.
  await ahead.finished;
  return ahead;
}

describe('reading front matter ahead on another core', () => {
  it('gives the archive and the problems that reading alone gives, from readings of every file', async () => {
    const root = largeArchive(24);
    spoil(root, 'dabieshan-2024-23');
    const alone = readArchive(root, { cacheFile: path.join(root, '..', 'alone.json') });
    const ahead = readArchive(root, { cacheFile: path.join(root, '..', 'ahead.json'), readAhead: await readAheadOf(root) });
    expect(alone.parsedAhead).toBe(0);
    // Every course.md and document: 24 courses of 5 files.
    expect(ahead.parsedAhead).toBe(24 * 5);
    expect(report(alone)).toEqual([
      'dabieshan-2024-23/lectures/piaojuezhi.md:2: title: expected text, found 2024-11-26 (as the build reads it; put the value in quotes to keep it as written)',
      'dabieshan-2024-23/lectures/zhidu-lishi.md:3: date: expected YYYY, YYYY-MM or YYYY-MM-DD, found "2024-13-45"',
      'dabieshan-2024-23/speeches/jieye-jianghua.md:5: YAML: Nested mappings are not allowed in compact mappings',
      'dabieshan-2024-23/writeups/ceji.md:5: YAML: Map keys must be unique',
    ]);
    expect(report(ahead)).toEqual(report(alone));
    expect(ahead.documents).toEqual(alone.documents);
    expect(ahead.courses).toEqual(alone.courses);
    expect(readFileSync(path.join(root, '..', 'ahead.json'), 'utf8')).toBe(readFileSync(path.join(root, '..', 'alone.json'), 'utf8'));
  });

  it('parses a file changed after the worker read it again', async () => {
    const root = largeArchive(20);
    const readAhead = await readAheadOf(root);
    const file = path.join(root, 'dabieshan-2024-19/lectures/zhidu-lishi.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: 2024-13-45'));
    const archive = readArchive(root, { readAhead });
    expect(archive.parsedAhead).toBe(20 * 5 - 1);
    expect(report(archive)).toEqual(['dabieshan-2024-19/lectures/zhidu-lishi.md:3: date: expected YYYY, YYYY-MM or YYYY-MM-DD, found "2024-13-45"']);
  });

  it('is not started for a small archive', () => {
    const archive = readArchive(fixture('basic'), { readAhead: true });
    expect(archive.parsedAhead).toBe(0);
    expect(archive.problems).toEqual([]);
  });
});

describe('bytesHash', () => {
  it('is the hash of the text read from the bytes, with or without a byte order mark', () => {
    const dir = tempDir('lectern-bytes-hash-');
    const text = '---\ntitle: 人大代表履职\n---\n正文。\n';
    for (const [name, bytes] of [['plain.md', Buffer.from(text)], ['bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]] as const) {
      writeFileSync(path.join(dir, name), bytes);
      const read = readTextFile(path.join(dir, name));
      if (!read.ok) throw new Error(`${name} was refused`);
      expect(read.text).toBe(text);
      expect(bytesHash(read.bytes)).toBe(createHash('sha1').update(text).digest('base64'));
    }
  });
});
