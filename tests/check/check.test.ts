import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fixture, tempDir } from '../helpers/paths.ts';
import { runLectern } from '../helpers/lectern.ts';

describe('lectern check', () => {
  it('lists every problem of a broken archive, with file, line, field, expectation and value', () => {
    const result = runLectern(['check', '--content', fixture('bad-content')]);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'Bad_Course/: file name "Bad_Course" cannot be an id: use lower-case ASCII letters, digits and hyphens',
      'Bad_Course/: course folder without course.md',
      'broken-course/course.md:4: end: end 2024-11-18 is before start 2024-11-20',
      'broken-course/course.md:9: sessions[0].kind: expected one of opening, lecture, exchange, discussion, visit, closing, other, found "banquet"',
      'broken-course/course.md:14: sessions[1].document: no document "no-such-doc" in this course (documents: a, dup, no-title)',
      'broken-course/lectures/dup.md:4: lecturers[0].title: unknown field; check the spelling against docs/content-guide.md',
      'broken-course/notes/: unknown folder "notes": expected speeches, lectures, writeups or media',
      'broken-course/speeches/a.md:3: date: expected YYYY, YYYY-MM or YYYY-MM-DD, found "2024-13-45"',
      'broken-course/speeches/dup.md: id "dup" is used twice in course broken-course: also broken-course/lectures/dup.md',
      'broken-course/speeches/dup.md:4: speakr: unknown field; check the spelling against docs/content-guide.md',
      'broken-course/writeups/no-title.md:2: title: expected text, found nothing',
      'broken-course/writeups/no-title.md:5: images[0].src: file not found: media/missing.jpg',
      'broken-course/writeups/no-title.md:7: sourceUrl: expected an address starting with http:// or https://, found "not a url"',
      '13 problem(s) in 6 files.',
    ]);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('speaks Chinese when LECTERN_LANG says so', () => {
    const result = runLectern(['check', '--content', fixture('bad-content')], { LECTERN_LANG: 'zh-CN' });
    expect(result.stdout).toContain('broken-course/speeches/a.md:3: date: 应为日期 YYYY、YYYY-MM 或 YYYY-MM-DD，实际为 "2024-13-45"');
  });

  it('exits 0 on a clean archive and 2 on a usage error', () => {
    const clean = runLectern(['check', '--content', fixture('basic')]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/^No problems in \d+ files\.\n$/);
    expect(runLectern(['check', 'extra']).status).toBe(2);
    expect(runLectern(['frobnicate']).status).toBe(2);
    expect(runLectern(['check', '--no-such-flag']).status).toBe(2);
  });

  it('checks the demo archive the README builds', () => {
    expect(runLectern(['check']).status).toBe(0);
  });
});

describe('lectern build on bad content', () => {
  it('stops before writing anything and leaves the previous output alone', () => {
    const out = path.join(tempDir(), 'dist');
    const result = runLectern(['build', '--content', fixture('bad-content'), '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('broken-course/speeches/a.md:3: date: expected YYYY, YYYY-MM or YYYY-MM-DD, found "2024-13-45"');
    expect(result.stderr).toContain('13 problem(s) in 6 files.');
    expect(result.stderr).toContain('is unchanged');
    expect(existsSync(out)).toBe(false);
  });
});

describe('reserved ids', () => {
  it('refuses a document named like a page every course has', () => {
    const content = tempDir();
    cpSync(fixture('basic'), content, { recursive: true });
    writeFileSync(
      path.join(content, 'quren-2024/lectures/print.md'),
      '---\ntitle: 打印\ndate: 2024\nlecturers: [李明]\n---\n\n正文。\n',
    );
    const result = runLectern(['check', '--content', content]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'quren-2024/lectures/print.md: id "print" is taken by a page of the course (/courses/quren-2024/print/): rename the file',
    );
  });
});
