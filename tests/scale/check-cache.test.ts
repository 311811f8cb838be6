import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readArchive } from '../../src/archive/read-archive.ts';
import { SETTLED_MS } from '../../src/archive/file-identity.ts';
import { formatProblem, sortProblems } from '../../src/archive/problems.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

function copyOf(name: string): string {
  const dir = path.join(tempDir('lectern-check-cache-'), name);
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

const problems = (root: string, cacheFile: string) => sortProblems(readArchive(root, { cacheFile }).problems).map(formatProblem);

describe('the check cache', () => {
  it('gives the same archive from the cache as from reading every file', () => {
    const root = copyOf('basic');
    const cacheFile = path.join(root, '..', 'check.json');
    const first = readArchive(root, { cacheFile });
    const second = readArchive(root, { cacheFile });
    expect(first.problems).toEqual([]);
    expect(second.documents).toEqual(first.documents);
    expect(second.courses).toEqual(first.courses);
    expect(second.site).toEqual(first.site);
    expect(second.people).toEqual(first.people);
    expect(second.people.length).toBeGreaterThan(0);
    // Every Markdown file, and site.yaml and people.yaml.
    const cached = Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).files);
    expect(cached.length).toBe(first.documents.length + first.courses.length + 2);
    expect(cached).toEqual(expect.arrayContaining(['site.yaml', 'people.yaml']));
  });

  it('validates a changed file again', () => {
    const root = copyOf('basic');
    const cacheFile = path.join(root, '..', 'check.json');
    readArchive(root, { cacheFile });
    const file = path.join(root, 'quren-2024/speeches/kaiban.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: 2024-13-45'));
    expect(problems(root, cacheFile)).toEqual([
      'quren-2024/speeches/kaiban.md:3: date: expected YYYY, YYYY-MM or YYYY-MM-DD, found "2024-13-45"',
    ]);
  });

  it('reads a changed people.yaml again, and finds a problem in it with its line', () => {
    const root = copyOf('basic');
    const cacheFile = path.join(root, '..', 'check.json');
    const first = readArchive(root, { cacheFile });
    const file = path.join(root, 'people.yaml');
    const renamed = first.people[0].name === '测试名' ? '测试名乙' : '测试名';
    writeFileSync(file, readFileSync(file, 'utf8').replace(first.people[0].name, renamed));
    expect(readArchive(root, { cacheFile }).people[0].name).toBe(renamed);
    writeFileSync(file, `${readFileSync(file, 'utf8')}- name: [未闭合\n`);
    expect(problems(root, cacheFile).join('\n')).toMatch(/^people\.yaml:\d+: /);
  });

  it('still applies the cross-file rules to an unchanged file, with its line', () => {
    const root = copyOf('basic');
    const cacheFile = path.join(root, '..', 'check.json');
    const clean = readArchive(root, { cacheFile });
    const withImage = clean.documents.find((doc) => 'images' in doc.data && doc.data.images && doc.data.images.length > 0);
    expect(withImage).toBeDefined();
    const image = (withImage!.data as { images: { src: string }[] }).images[0].src;
    rmSync(path.join(root, withImage!.course, image));
    const line = readFileSync(path.join(root, withImage!.file), 'utf8').split('\n').findIndex((l) => l.includes(`src: ${image}`)) + 1;
    expect(problems(root, cacheFile)).toContain(`${withImage!.file}:${line}: images[0].src: file not found: ${image}`);
  });
});

describe('the check cache, for files unchanged for a while', () => {
  let root = '';
  let cacheFile = '';
  const speech = 'quren-2024/speeches/kaiban.md';

  beforeAll(async () => {
    root = copyOf('basic');
    cacheFile = path.join(root, '..', 'check.json');
    // A file is trusted by its identity only once it has not changed for a while (file-identity.ts).
    await new Promise((resolve) => setTimeout(resolve, SETTLED_MS + 100));
    readArchive(root, { cacheFile });
  });

  it('does not read a file whose identity is unchanged: its body is read when asked for', () => {
    const archive = readArchive(root, { cacheFile });
    expect(archive.problems).toEqual([]);
    const file = path.join(root, speech);
    const text = readFileSync(file, 'utf8');
    // Written after the check (as if the build were slow): the body is read now, so it is the new one.
    writeFileSync(file, `${text}\n读取时才读到的一段。\n`);
    expect(archive.documents.find((doc) => doc.file === speech)!.body).toContain('读取时才读到的一段。');
    writeFileSync(file, text);
  });

  it('reads a file again when it was written, even at the same size', () => {
    const file = path.join(root, speech);
    const text = readFileSync(file, 'utf8');
    const changed = text.replace('开班式', '结业式');
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
    writeFileSync(file, changed);
    const archive = readArchive(root, { cacheFile });
    expect(archive.documents.find((doc) => doc.file === speech)!.data.title).toContain('结业式');
    writeFileSync(file, text);
    expect(readArchive(root, { cacheFile }).documents.find((doc) => doc.file === speech)!.data.title).toContain('开班式');
  });

  it('still gives a problem found by a cross-file rule in a file it did not read, with its line', () => {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: Record<string, { identity?: string }> };
    const withImage = readArchive(root, { cacheFile }).documents.find((doc) => 'images' in doc.data && doc.data.images && doc.data.images.length > 0)!;
    expect(cached.files[withImage.file].identity).toBeDefined();
    const image = (withImage.data as { images: { src: string }[] }).images[0].src;
    const media = path.join(root, withImage.course, image);
    const bytes = readFileSync(media);
    rmSync(media);
    const line = readFileSync(path.join(root, withImage.file), 'utf8').split('\n').findIndex((l) => l.includes(`src: ${image}`)) + 1;
    expect(problems(root, cacheFile)).toContain(`${withImage.file}:${line}: images[0].src: file not found: ${image}`);
    writeFileSync(media, bytes);
  });

  it('does not trust the identity of a file changed just before the check', () => {
    const file = path.join(root, speech);
    writeFileSync(file, readFileSync(file, 'utf8'));
    readArchive(root, { cacheFile });
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: Record<string, { identity?: string }> };
    expect(cached.files[speech]).toBeDefined();
    expect(cached.files[speech].identity).toBeUndefined();
  });
});
