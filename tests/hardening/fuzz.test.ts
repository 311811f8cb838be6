import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { readArchive } from '../../src/archive/read-archive.ts';
import { reportArchive } from '../../src/cli/check.ts';
import { speechSchema } from '../../src/schemas/document.ts';
import { fuzzParameters } from '../helpers/fuzz.ts';
import { tempDir } from '../helpers/paths.ts';

/**
 * Random front matter and bodies, fed to the archive reader and to the function
 * behind `lectern check`: nothing may throw, every problem must name a file of
 * the archive with a line inside it, and whatever the check accepts must be
 * accepted by the build's own front-matter reader too.
 */

const root = tempDir('lectern-fuzz-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SITE = 'name: 测试\norganization: 测试单位\n';
const COURSE = '---\ntitle: 培训班\nstart: 2024-04\nend: 2024-04\nvenue: 会场\norganizers: 单位\nsessions:\n  - date: 2024-04\n    kind: opening\n    title: 开班式\n---\n\n简介。\n';
const FILES = {
  site: 'site.yaml',
  people: 'people.yaml',
  course: 'kecheng/course.md',
  speech: 'kecheng/speeches/jianghua.md',
} as const;
type Target = keyof typeof FILES;

const KEYS = ['title', 'subtitle', 'date', 'speaker', 'occasion', 'source', 'sourceUrl', 'summary', 'tags', 'omitted', 'attachments', 'draft', 'start', 'end', 'sessions', 'name', 'organization', 'positions', '<<', 'unknown', '标题', '"quoted key"', '? [a, b]'];
const VALUES = [
  '讲话', '"引号里的文字"', "'单引号'", '2024', '2024-04', '2024-11-26', '2024-13-45', '2024-11-26T10:00:00Z', '0x1F', '1e3', '-0', '.nan', '~', 'null', 'yes', 'true',
  '[]', '{}', '[a, b]', '{ name: 张三, position: 主任 }', '[{ name: 张三 }]', '&a 锚', '*a', '*undefined', '!!binary aGVsbG8=', '!!str 2024', '!custom x', '"\\q"', '"\\u00e9"',
  '|\n  第一行\n  第二行', '>\n  折叠', '\n  - 列表项\n  - 第二项', '\n  name: 嵌套\n  extra: 1', '"未闭合', '[未闭合', '{a: 1', '\t制表符', 'a: b: c', '- 列表', '#注释', '`反引号`', '@at', '%百分号',
  'media/xianchang.png', '../../site.yaml', 'https://example.com/', 'javascript:alert(1)',
];

const line = fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 20 }))).map(([key, value]) => `${key}: ${value}`);
const frontmatter = fc.oneof(
  fc.array(line, { maxLength: 8 }).map((lines) => lines.join('\n')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.anything({ maxDepth: 3 }).map((value) => {
    try {
      return stringify(value);
    } catch {
      return 'title: x';
    }
  }),
);
const body = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', '---', '---\n---', '\u0000', '正文\r\n第二段', '<script>alert(1)</script>', '# 标题\n\n## 一、要点', '\uFEFF正文'),
);
const fileText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(frontmatter, body).map(([fm, text]) => `---\n${fm}\n---\n\n${text}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '\uFEFF', '\n\n', ' '), frontmatter, body).map(([lead, fm, text]) => `${lead}---\n${fm}\n---\n${text}`) },
  { weight: 1, arbitrary: body },
);
const fileBytes = fc.oneof({ weight: 8, arbitrary: fileText.map((text) => Buffer.from(text, 'utf8')) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) });

/** Speeches that are mostly valid: a title and a date, then a few more lines of real fields with random values. */
const SPEECH_KEYS = ['subtitle', 'speaker', 'occasion', 'source', 'sourceUrl', 'summary', 'tags', 'omitted', 'draft', 'authors'];
const nearlyValidSpeech = fc
  .tuple(
    fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })),
    fc.constantFrom('2024', '2024-04', '2024-11-26', '"2024-11-26"', '2024-13-45', '2024-02-30', '2024-11-26T10:00:00Z'),
    fc.uniqueArray(fc.tuple(fc.constantFrom(...SPEECH_KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }))), { maxLength: 3, selector: ([key]) => key }),
    body,
  )
  .map(([title, date, extra, text]) => `---\ntitle: ${title}\ndate: ${date}\n${extra.map(([key, value]) => `${key}: ${value}`).join('\n')}\n---\n\n${text}`);

const PLACEHOLDER = /\{(file|reason|size|limit|length|target|found|name|id|course|other|known|folder|start|end|date|count|files)\}/;
let run = 0;

/** A fresh archive with one file replaced by `bytes`. */
function archiveWith(target: Target, bytes: Buffer): { dir: string; lines: number } {
  const dir = path.join(root, String(run++));
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  };
  write(FILES.site, SITE);
  write(FILES.course, COURSE);
  write(FILES.speech, '---\ntitle: 讲话\ndate: 2024-04\n---\n\n正文。\n');
  write(FILES[target], bytes);
  return { dir, lines: bytes.toString('utf8').split('\n').length };
}

describe('fuzzing the archive reader and lectern check', () => {
  test('random files never throw, and every problem names a file of the archive with a line inside it', () => {
    let problems = 0;
    fc.assert(
      fc.property(fc.constantFrom<Target>('speech', 'speech', 'speech', 'course', 'site', 'people'), fileBytes, (target, bytes) => {
        const { dir, lines } = archiveWith(target, bytes);
        const archive = readArchive(dir);
        for (const problem of archive.problems) {
          problems++;
          expect(Object.values(FILES).some((file) => file === problem.file || file.startsWith(problem.file)), problem.file).toBe(true);
          expect(problem.message.trim()).not.toBe('');
          // A value the file wrote (`found "undefined"`) is quoted; a bare one would be a bug.
          expect(problem.message).not.toMatch(/(^|[^"])\bundefined\b(?!")|\[object Object\]/);
          expect(`${problem.field ?? ''}${problem.message}`).not.toMatch(/[\r\n]/);
          expect(problem.message).not.toMatch(PLACEHOLDER);
          if (problem.line !== undefined && problem.file === FILES[target]) {
            expect(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lines + 1, `${problem.file}:${problem.line} of ${lines} lines`).toBe(true);
          }
        }
        // Only the replaced file can be wrong; the others are valid.
        for (const problem of archive.problems) {
          expect([FILES[target], 'kecheng/', 'kecheng/course.md'], `${problem.file}: ${problem.message}`).toContain(problem.file);
        }
        // The words of `lectern check`: one `path:line: message` per problem, then the summary.
        let output = '';
        const sink = new Writable({ write: (chunk, _encoding, done) => { output += String(chunk); done(); } });
        const { ok } = reportArchive(dir, sink);
        const printed = output.trimEnd().split('\n');
        expect(ok).toBe(archive.problems.length === 0);
        expect(printed).toHaveLength(archive.problems.length + 1);
        for (const printedLine of printed.slice(0, -1)) expect(Object.values(FILES).some((file) => printedLine.startsWith(file) || file.startsWith(printedLine.split(':')[0]))).toBe(true);
        rmSync(dir, { recursive: true, force: true });
      }),
      fuzzParameters(400),
    );
    expect(problems).toBeGreaterThan(100);
  });

  test('what the check accepts, the build reads and accepts too', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(nearlyValidSpeech, fileText), (text) => {
        const { dir } = archiveWith('speech', Buffer.from(text, 'utf8'));
        const archive = readArchive(dir);
        if (archive.problems.length === 0) {
          accepted++;
          // Astro's own front-matter reader, as its content loader calls it.
          const { frontmatter } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
          const result = speechSchema.safeParse(frontmatter);
          expect(result.success, `${text}\n→ ${JSON.stringify(result.error?.issues)}`).toBe(true);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      fuzzParameters(400),
    );
    // The property means little if nothing passes: the generator must reach valid files.
    expect(accepted).toBeGreaterThan(5);
  });
});
