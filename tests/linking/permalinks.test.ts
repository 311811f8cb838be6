import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { aliasToSitePath, brokenPermalinks, parsePermalinkRecord, recordPermalinks, serializePermalinkRecord, type PublishedDocument } from '../../src/lib/permalinks.ts';
import { runLectern } from '../helpers/lectern.ts';
import { tempDir } from '../helpers/paths.ts';
import { deployed, linkingFixture } from './fixture.ts';

describe('aliasToSitePath', () => {
  test.each([
    ['/courses/old/doc/', '/', 'courses/old/doc/'],
    ['courses/old/doc', '/', 'courses/old/doc/'],
    ['/peixun/courses/old/doc/', '/peixun/', 'courses/old/doc/'],
    ['https://www.example.gov.cn/peixun/courses/old/doc/', '/peixun/', 'courses/old/doc/'],
    ['/2024/0412/c123.html', '/peixun/', '2024/0412/c123.html'],
    ['/old/page.SHTML', '/', 'old/page.SHTML'],
    ['/%E6%97%A7/doc/', '/', '旧/doc/'],
  ])('%s under %s is %s', (alias, base, expected) => {
    expect(aliasToSitePath(alias, base)).toBe(expected);
  });

  test.each([
    ['/', 'the home page'],
    ['/peixun/', 'the base itself'],
    ['/courses/../etc/', 'a parent segment'],
    ['/courses//doc/', 'an empty segment'],
    ['/old/page.php', 'a file that is not a page'],
    ['/old/doc/?id=3', 'a query'],
    ['/old doc/', 'a space'],
    ['/%E6%97%A/', 'broken percent-encoding'],
  ])('refuses %s (%s)', (alias) => {
    expect(aliasToSitePath(alias, '/peixun/')).toBeUndefined();
  });
});

describe('the record of published addresses', () => {
  const doc = (course: string, id: string, title: string, aliases: string[] = []): PublishedDocument => ({
    course,
    id,
    url: `courses/${course}/${id}/`,
    title,
    file: `${course}/speeches/${id}.md`,
    aliases,
  });

  test('is written one address a line, sorted, and read back the same', () => {
    const text = serializePermalinkRecord({ 'courses/b/x/': '乙', 'courses/a/y/': '甲' });
    expect(text.indexOf('courses/a/y/')).toBeLessThan(text.indexOf('courses/b/x/'));
    expect(parsePermalinkRecord(text)).toEqual({ 'courses/a/y/': '甲', 'courses/b/x/': '乙' });
    expect(() => parsePermalinkRecord('{"permalinks": []}')).toThrow(/expected/);
  });

  test('gains new documents and never loses old ones', () => {
    const { record, added } = recordPermalinks({ 'courses/a/gone/': '旧' }, [doc('a', 'new', '新')]);
    expect(added).toBe(1);
    expect(record).toEqual({ 'courses/a/gone/': '旧', 'courses/a/new/': '新' });
  });

  test('a recorded address is answered by the document itself or by an alias', () => {
    const record = { 'courses/a/one/': '一', 'courses/a/old-two/': '二' };
    expect(brokenPermalinks(record, [doc('a', 'one', '一'), doc('a', 'two', '二', ['courses/a/old-two/'])])).toEqual([]);
  });

  test('a renamed document is named as the likely successor; a common title in another course is not', () => {
    const renamed = brokenPermalinks({ 'courses/a/old/': '开班讲话' }, [doc('a', 'new', '开班讲话'), doc('b', 'x', '开班讲话')]);
    expect(renamed).toHaveLength(1);
    expect(renamed[0].movedTo?.url).toBe('courses/a/new/');
    const ambiguous = brokenPermalinks({ 'courses/c/old/': '开班讲话' }, [doc('a', 'new', '开班讲话'), doc('b', 'x', '开班讲话')]);
    expect(ambiguous[0].movedTo).toBeUndefined();
  });
});

/** A fresh copy of the fixture archive whose published addresses are recorded. */
function recordedArchive(): string {
  const content = linkingFixture();
  const result = runLectern(['permalinks', '--content', content], deployed);
  expect(result.status, result.stdout + result.stderr).toBe(0);
  return content;
}

function rename(content: string, from: string, to: string): void {
  renameSync(path.join(content, from), path.join(content, to));
}

function check(content: string, env: NodeJS.ProcessEnv = {}) {
  const result = runLectern(['check', '--content', content], { ...deployed, ...env });
  return { status: result.status, lines: result.stdout.trim().split('\n') };
}

describe('lectern permalinks and lectern check', () => {
  test('lectern permalinks records every published document', () => {
    const content = linkingFixture();
    const result = runLectern(['permalinks', '--content', content], deployed);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Recorded 7 new address(es)');
    const record = parsePermalinkRecord(readFileSync(path.join(content, 'permalinks.json'), 'utf8'));
    expect(Object.keys(record)).toContain('courses/quren-2024/xuanju-zhidu/');
    expect(record['courses/quren-2024/kaiban/']).toBe('在全区人大代表履职能力提升培训班开班式上的讲话');
  });

  test('a renamed document without an alias is named, with its old address', () => {
    const content = recordedArchive();
    rename(content, 'quren-2024/lectures/daibiaofa.md', 'quren-2024/lectures/daibiao-fa.md');
    const { status, lines } = check(content);
    expect(status).toBe(1);
    expect(lines[0]).toMatchInlineSnapshot(
      `"quren-2024/lectures/daibiao-fa.md:2: aliases: this document was published at /courses/quren-2024/daibiaofa/ and is now at /courses/quren-2024/daibiao-fa/: add /courses/quren-2024/daibiaofa/ to its aliases so the old address keeps working"`,
    );
    expect(check(content, { LECTERN_LANG: 'zh-CN' }).lines[0]).toMatchInlineSnapshot(
      `"quren-2024/lectures/daibiao-fa.md:2: aliases: 本文稿曾以 /courses/quren-2024/daibiaofa/ 发布，现在的网址是 /courses/quren-2024/daibiao-fa/：请在 aliases 中加上 /courses/quren-2024/daibiaofa/，使旧网址继续有效"`,
    );

    const file = path.join(content, 'quren-2024/lectures/daibiao-fa.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: false', 'draft: false\naliases: [/courses/quren-2024/daibiaofa/]'));
    expect(check(content).status).toBe(0);
  });

  test('a removed document is reported at its line of permalinks.json, and deleting the line withdraws it', () => {
    const content = recordedArchive();
    rmSync(path.join(content, 'quren-2024/lectures/daibiaofa.md'));
    const { status, lines } = check(content);
    expect(status).toBe(1);
    expect(lines[0]).toMatchInlineSnapshot(
      `"permalinks.json:8: /courses/quren-2024/daibiaofa/ ("代表法基本知识") was published, but no document has that address or alias now: if the document moved, add /courses/quren-2024/daibiaofa/ to its aliases; to withdraw it on purpose, delete this line"`,
    );
    const recordFile = path.join(content, 'permalinks.json');
    writeFileSync(recordFile, readFileSync(recordFile, 'utf8').replace(/^.*"courses\/quren-2024\/daibiaofa\/".*\n/m, ''));
    expect(check(content).status).toBe(0);
  });

  test('a document turned back into a draft counts as removed', () => {
    const content = recordedArchive();
    const file = path.join(content, 'quren-2024/lectures/daibiaofa.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: false', 'draft: true'));
    const { status, lines } = check(content);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^permalinks\.json:\d+: \/courses\/quren-2024\/daibiaofa\/ \("代表法基本知识"\) was published/);
  });

  test('aliases that are not paths, that are taken by a page, or that another document claims are refused', () => {
    const content = linkingFixture();
    const file = path.join(content, 'dabieshan-2024/speeches/jieye-jianghua.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'occasion: 结业式',
        'occasion: 结业式\naliases:\n  - /courses/../secret/\n  - /courses/quren-2024/\n  - /courses/quren-2024/xuanju/',
      ),
    );
    const { status, lines } = check(content);
    expect(status).toBe(1);
    expect(lines.slice(0, 3)).toMatchInlineSnapshot(`
      [
        "dabieshan-2024/speeches/jieye-jianghua.md:7: aliases[0]: alias "/courses/../secret/" is not a path of this site: expected a path such as /courses/old-course/old-id/ (or an old address ending in .html)",
        "dabieshan-2024/speeches/jieye-jianghua.md:8: aliases[1]: alias "/courses/quren-2024/" is the address of quren-2024/course.md: a redirect there would hide it",
        "quren-2024/lectures/xuanju-zhidu.md:7: aliases[0]: alias "/courses/quren-2024/xuanju/" is also claimed by dabieshan-2024/speeches/jieye-jianghua.md",
      ]
    `);
  });

  test('a record that cannot be read is reported, never overwritten', () => {
    const content = linkingFixture();
    writeFileSync(path.join(content, 'permalinks.json'), '{ "permalinks": ');
    const { status, lines } = check(content);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^permalinks\.json: cannot read the record of published addresses: /);
    expect(runLectern(['permalinks', '--content', content], deployed).status).toBe(1);
    expect(readFileSync(path.join(content, 'permalinks.json'), 'utf8')).toBe('{ "permalinks": ');
  });
});

describe('between two builds', () => {
  test('a build records what it published, and the next build refuses a rename without alias and keeps dist/', () => {
    const content = recordedArchive();
    const out = path.join(tempDir('lectern-site-'), 'dist');
    writeFileSync(
      path.join(content, 'quren-2024/speeches/jieye.md'),
      '---\ntitle: 在培训班结业式上的总结讲话\ndate: 2024-04\noccasion: 结业式\n---\n\n培训圆满结束。\n',
    );
    const first = runLectern(['build', '--content', content, '--out', out], deployed);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Recorded 1 new address(es)');
    expect(readFileSync(path.join(content, 'permalinks.json'), 'utf8')).toContain('"courses/quren-2024/jieye/"');

    rename(content, 'quren-2024/speeches/jieye.md', 'quren-2024/speeches/jieye-jianghua.md');
    const second = runLectern(['build', '--content', content, '--out', out], deployed);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      'quren-2024/speeches/jieye-jianghua.md:2: aliases: this document was published at /courses/quren-2024/jieye/ and is now at /courses/quren-2024/jieye-jianghua/',
    );
    expect(second.stderr).toContain('is unchanged');
    expect(existsSync(path.join(out, 'courses/quren-2024/jieye/index.html'))).toBe(true);
  });
});
