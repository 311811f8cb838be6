/** `lectern import` and `lectern new`: files written where the content contract says, and nowhere else. */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { runNew, skeleton, skeletonTypes } from '../../src/cli/new.ts';
import { splitFrontmatter } from '../../src/archive/frontmatter.ts';
import { readArchive } from '../../src/archive/read-archive.ts';
import { validateMarkdown } from '../../src/archive/validate.ts';
import { courseSchema } from '../../src/schemas/course.ts';
import { documentSchemas, type DocumentKind } from '../../src/schemas/document.ts';
import { runLectern } from '../helpers/lectern.ts';
import { fixture, seedsDir, tempDir } from '../helpers/paths.ts';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs a command in-process against `cwd`, returning its status and output. */
async function run(command: typeof runImport, args: string[], cwd: string) {
  const out = capture();
  const err = capture();
  const status = await command(args, { stdout: out.stream, stderr: err.stream, cwd, isTTY: false });
  return { status, stdout: out.text(), stderr: err.text() };
}

/** A copy of the basic archive to import into. */
function archive(): { root: string; content: string } {
  const root = tempDir('lectern-import-');
  const content = path.join(root, 'content');
  cpSync(fixture('basic'), content, { recursive: true });
  return { root, content };
}

const seed = (name: string) => path.join(seedsDir, name);
const docx = fixture('import/writeup-docx-image/input.docx');

describe('lectern import --dry-run --json', () => {
  it('prints { kind, id, frontmatter, body, warnings } for one file, the front matter as it would be written', async () => {
    const { root } = archive();
    const result = await run(runImport, ['--dry-run', '--json', seed('writeup-xinyang-2024.txt')], root);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['kind', 'id', 'frontmatter', 'body', 'warnings']));
    expect(json.kind).toBe('writeup');
    expect(json.frontmatter).toMatchObject({ date: '2024-11-26', reporters: ['王紫仪'] });
    expect((json.warnings as { code: string; message: string }[])[0]).toMatchObject({ code: 'droppedFileName', line: 5, message: expect.stringContaining('微信图片') });
    expect(readdirSync(path.join(root, 'content'))).toEqual(readdirSync(fixture('basic')));
  });

  it('prints an array for several files', async () => {
    const { root } = archive();
    const result = await run(runImport, ['--dry-run', '--json', seed('speech-district-opening.txt'), seed('writeup-xinyang-2024.txt')], root);
    const json = JSON.parse(result.stdout) as { kind: string }[];
    expect(json.map((j) => j.kind)).toEqual(['speech', 'writeup']);
  });
});

describe('lectern import --course', () => {
  it('writes <content>/<course>/<kind>s/<id>.md whose front matter is what --dry-run printed', async () => {
    const { root, content } = archive();
    const dry = JSON.parse((await run(runImport, ['--dry-run', '--json', '--course', 'quren-2024', seed('speech-district-opening.txt')], root)).stdout);
    const result = await run(runImport, ['--course', 'quren-2024', seed('speech-district-opening.txt')], root);
    expect(result.status).toBe(0);
    const file = path.join(content, 'quren-2024/speeches/kaibanshi-jianghua.md');
    expect(result.stdout).toContain('content/quren-2024/speeches/kaibanshi-jianghua.md');
    const written = splitFrontmatter(readFileSync(file, 'utf8'));
    expect(parseYaml(written.yaml!)).toEqual(dry.frontmatter);
    expect(written.body.trim()).toBe(dry.body.trim());
    expect(validateMarkdown(documentSchemas.speech, readFileSync(file, 'utf8'), 'x.md').problems).toEqual([]);
  });

  it('never overwrites without --force, and replaces with it', async () => {
    const { root, content } = archive();
    const args = ['--course', 'quren-2024', seed('speech-district-opening.txt')];
    expect((await run(runImport, args, root)).status).toBe(0);
    const file = path.join(content, 'quren-2024/speeches/kaibanshi-jianghua.md');
    writeFileSync(file, 'edited by hand');
    const again = await run(runImport, args, root);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists; use --force');
    expect(readFileSync(file, 'utf8')).toBe('edited by hand');
    expect((await run(runImport, [...args, '--force'], root)).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^---\ntitle: 在全区人大代表/);
  });

  it('writes the images of a .docx into the course media folder, and the archive then checks clean', async () => {
    const { root, content } = archive();
    const result = await run(runImport, ['--course', 'dabieshan-2024', docx], root);
    expect(result.status).toBe(0);
    const media = readdirSync(path.join(content, 'dabieshan-2024/media')).filter((f) => f.startsWith('tongbaixian'));
    expect(media).toEqual(['tongbaixian-xiangzhen-renda-zhuxi-1.png']);
    const png = readFileSync(path.join(content, 'dabieshan-2024/media', media[0]));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(readArchive(content).problems).toEqual([]);
  });

  it('imports a folder with a summary table, keeping ids unique in the course', async () => {
    const { root, content } = archive();
    const folder = path.join(root, 'incoming');
    mkdirSync(folder);
    const text = readFileSync(seed('writeup-xinyang-2024.txt'));
    writeFileSync(path.join(folder, 'a.txt'), text);
    writeFileSync(path.join(folder, 'b.txt'), text);
    writeFileSync(path.join(folder, 'notes.pdf'), 'not imported');
    const result = await run(runImport, ['--course', 'dabieshan-2024', folder], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/file\s+kind\s+id\s+warnings\s+result/);
    expect(result.stdout).toContain('2 imported, 0 not imported');
    const ids = readdirSync(path.join(content, 'dabieshan-2024/writeups')).sort();
    expect(ids).toEqual(['ceji.md', 'xinyang-renda-gao-shuiping-lvzhi-2.md', 'xinyang-renda-gao-shuiping-lvzhi.md']);
  });

  it('takes the year of undated days from the course', async () => {
    const { root } = archive();
    const folder = path.join(root, 'x');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'jieye.txt'), '县乡人大干部培训班圆满结业\n\n11月18日至20日，全市县乡人大干部培训班在干部学院举办，学员们听取了五场专题讲座。\n');
    const json = JSON.parse((await run(runImport, ['--dry-run', '--json', '--course', 'dabieshan-2024', path.join(folder, 'jieye.txt')], root)).stdout);
    expect(json.frontmatter.date).toBe('2024-11-20');
    expect(json.warnings.map((w: { code: string }) => w.code)).toEqual(['dateFromText', 'yearFromContext']);
  });
});

describe('lectern import: usage', () => {
  it.each([
    [[], 'Nothing to import'],
    [['--kind', 'poem', '--dry-run', 'a.txt'], '--kind'],
    [['a.txt'], '--course is required'],
    [['--course', 'Bad Id', 'a.txt'], 'cannot be an id'],
    [['--frobnicate', 'a.txt'], 'frobnicate'],
  ])('exits 2 for %j', async (args, message) => {
    const result = await run(runImport, args as string[], archive().root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('exits 1 for a missing or unsupported file, and still imports the others', async () => {
    const { root } = archive();
    writeFileSync(path.join(root, 'x.pdf'), 'pdf');
    const result = await run(runImport, ['--dry-run', 'missing.txt', 'x.pdf', seed('speech-district-opening.txt')], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('missing.txt: cannot import: no such file or folder');
    expect(result.stderr).toContain('x.pdf: cannot import: expected .txt');
    expect(result.stdout).toContain('kaibanshi-jianghua');
  });
});

describe('lectern new', () => {
  /** The skeleton with its placeholders filled in; `all` also uncomments every optional field. */
  const fill = (text: string, fields: string[] | undefined) => {
    let filled = text.replace(/""/g, '"示例"').replace(/YYYY-MM-DD/g, '2024-11-18');
    if (fields) filled = filled.replace(new RegExp(`^# ((?:(?:${fields.join('|')}):|  ).*)$`, 'gm'), '$1');
    return filled;
  };

  it.each(skeletonTypes)('%s: the skeleton is YAML that check refuses until the placeholders are filled', (type) => {
    const text = skeleton(type);
    const schema: z.ZodType = type === 'course' ? courseSchema : documentSchemas[type as DocumentKind];
    expect(() => parseYaml(splitFrontmatter(text).yaml!)).not.toThrow();
    expect(validateMarkdown(schema, text, 'x.md').problems.length).toBeGreaterThan(0);
    const fields = Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape).filter((f) => f !== 'aliases');
    expect(validateMarkdown(schema, fill(text, undefined), 'x.md').problems).toEqual([]);
    expect(validateMarkdown(schema, fill(text, fields), 'x.md').problems).toEqual([]);
    // Every field of the schema is in the skeleton, with a comment above it.
    for (const field of fields) expect(text, field).toMatch(new RegExp(`^# .+\\n(# )?${field}:`, 'm'));
  });

  it('writes a document skeleton into a course and refuses to overwrite it', async () => {
    const { root, content } = archive();
    const first = await run(runNew, ['writeup', '--course', 'dabieshan-2024'], root);
    expect(first.status).toBe(0);
    expect(existsSync(path.join(content, 'dabieshan-2024/writeups/new-writeup.md'))).toBe(true);
    expect((await run(runNew, ['writeup', '--course', 'dabieshan-2024'], root)).stdout).toContain('new-writeup-2.md');
    expect((await run(runNew, ['writeup', '--course', 'dabieshan-2024', '--id', 'new-writeup'], root)).status).toBe(1);
    expect((await run(runNew, ['course', '--id', 'peixun-2025'], root)).status).toBe(0);
    expect(readFileSync(path.join(content, 'peixun-2025/course.md'), 'utf8')).toContain('venue: ""');
    expect((await run(runNew, ['poem'], root)).status).toBe(2);
    expect((await run(runNew, ['speech'], root)).stdout).toContain('speaker:');
  });
});

describe('the lectern binary', () => {
  it('has --help on every command and exit statuses 0, 1 and 2', () => {
    for (const command of ['check', 'build', 'import', 'new']) {
      const help = runLectern([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`lectern ${command}`);
    }
    expect(runLectern(['--help']).stdout).toContain('import FILE');
    expect(runLectern(['import']).status).toBe(2);
    const imported = runLectern(['import', '--dry-run', '--json', seed('speech-district-opening.txt')], { LECTERN_LANG: 'zh-CN' });
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout).warnings[0].message).toBe('没有找到讲话人；原文写明时请填写 speaker');
    expect(runLectern(['import', '--dry-run', 'no-such-file.txt']).status).toBe(1);
  });
});
