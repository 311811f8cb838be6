import { cpSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { limits } from '../../src/archive/limits.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { buildSite, runLectern } from '../helpers/lectern.ts';

/**
 * Every bad file an editor (or an attacker with write access to one document)
 * can hand the archive: each must come back from `lectern check` as a problem
 * naming the file — no stack trace, no hang, exit status 1.
 */
interface BadInput {
  name: string;
  /** The file (relative to the content folder) the problem must name. */
  file: string;
  /** Creates the bad file in a copy of the basic fixture. */
  make(root: string): void;
  /** A piece of the message, in English. */
  says: string | RegExp;
  line?: number;
}

const FRONT = '---\ntitle: 讲话\ndate: 2024\nspeaker: 张三\n---\n';
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const write = (root: string, file: string, content: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
};
const speech = 'quren-2024/speeches/bad.md';
const billionLaughs = [
  'a: &a ["哈","哈","哈","哈","哈","哈","哈","哈","哈"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`),
].join('\n');

const badInputs: BadInput[] = [
  // Encodings
  { name: 'GBK bytes (invalid UTF-8)', file: speech, line: 2, says: 'not UTF-8', make: (r) => write(r, speech, bytes('---\ntitle: ', [0xbd, 0xb2, 0xbb, 0xb0], '\ndate: 2024\n---\n')) },
  { name: 'lone continuation byte', file: speech, line: 6, says: 'not UTF-8', make: (r) => write(r, speech, bytes(FRONT, [0x80], '\n')) },
  { name: 'overlong encoding of "/"', file: speech, line: 6, says: 'not UTF-8', make: (r) => write(r, speech, bytes(FRONT, [0xc0, 0xaf])) },
  { name: 'UTF-8-encoded surrogate', file: speech, line: 6, says: 'not UTF-8', make: (r) => write(r, speech, bytes(FRONT, [0xed, 0xa0, 0x80])) },
  { name: 'sequence cut off at the end of the file', file: speech, line: 6, says: 'not UTF-8', make: (r) => write(r, speech, bytes(FRONT, '讲', [0xe8, 0xae])) },
  { name: 'UTF-16 file with its byte order mark', file: speech, line: 1, says: 'not UTF-8', make: (r) => write(r, speech, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRONT, 'utf16le')])) },
  { name: 'invalid UTF-8 in site.yaml', file: 'site.yaml', line: 1, says: 'not UTF-8', make: (r) => write(r, 'site.yaml', bytes('name: ', [0xff], '\norganization: x\n')) },
  // Binary content
  { name: 'NUL byte in the body', file: speech, line: 7, says: 'NUL byte', make: (r) => write(r, speech, bytes(FRONT, '正文\n', [0], '\n')) },
  { name: 'a .docx renamed to .md', file: speech, line: 1, says: 'NUL byte', make: (r) => write(r, speech, bytes('PK', [3, 4, 20, 0, 6, 0], 'word/document.xml')) },
  // Size
  { name: 'a 2 MB single line', file: speech, line: 6, says: `over the limit of ${limits.lineChars}`, make: (r) => write(r, speech, FRONT + 'ab'.repeat(1_000_000) + '\n') },
  { name: 'a paragraph of 600,000 Chinese characters', file: speech, line: 7, says: 'line of 600000 characters', make: (r) => write(r, speech, FRONT + '\n' + '长'.repeat(600_000) + '\n') },
  { name: 'a 2 MB single line in the front matter', file: speech, line: 2, says: 'characters, over the limit', make: (r) => write(r, speech, `---\ntitle: ${'a'.repeat(2_000_000)}\n---\n`) },
  { name: 'a 50 MB document', file: speech, says: 'over the limit of 2.0 MiB', make: (r) => write(r, speech, FRONT + '第一段文字，内容重复。\n'.repeat(1_600_000)) },
  { name: 'a 50 MB people.yaml', file: 'people.yaml', says: 'over the limit', make: (r) => write(r, 'people.yaml', '- name: 张三\n'.repeat(3_500_000)) },
  // YAML
  { name: 'billion laughs in front matter', file: speech, line: 2, says: 'aliases', make: (r) => write(r, speech, `---\n${billionLaughs}\n---\n`) },
  { name: 'billion laughs in site.yaml', file: 'site.yaml', line: 1, says: 'aliases', make: (r) => write(r, 'site.yaml', billionLaughs) },
  { name: 'YAML nested 20,000 levels deep', file: speech, line: 2, says: 'nested too deeply', make: (r) => write(r, speech, `---\ntitle: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`) },
  { name: 'front matter that is a list', file: speech, line: 2, says: 'expected field: value lines', make: (r) => write(r, speech, '---\n- title\n- date\n---\n') },
  { name: 'front matter that is a sentence', file: speech, line: 2, says: 'expected field: value lines', make: (r) => write(r, speech, '---\n这是一段话\n---\n') },
  { name: 'front matter that is a number', file: speech, line: 2, says: 'expected field: value lines', make: (r) => write(r, speech, '---\n42\n---\n') },
  { name: 'site.yaml that is a list', file: 'site.yaml', line: 1, says: 'expected field: value lines', make: (r) => write(r, 'site.yaml', '- name: x\n') },
  { name: 'people.yaml that is a mapping', file: 'people.yaml', line: 1, says: 'expected field: value lines', make: (r) => write(r, 'people.yaml', 'name: 张三\n') },
  { name: 'duplicate keys', file: speech, line: 3, says: 'YAML', make: (r) => write(r, speech, '---\ntitle: a\ntitle: b\n---\n') },
  { name: 'tab indentation', file: speech, line: 3, says: 'YAML', make: (r) => write(r, speech, '---\nspeaker:\n\tname: 张三\n---\n') },
  // YAML the build's reader (js-yaml) takes differently from the check's (yaml)
  { name: 'a title the build reads as a date', file: speech, line: 2, says: 'as the build reads it', make: (r) => write(r, speech, '---\ntitle: 2024-11-26\ndate: 2024\n---\n') },
  { name: 'a date that does not exist (the build would roll it into 2025)', file: speech, line: 3, says: 'expected YYYY, YYYY-MM or YYYY-MM-DD', make: (r) => write(r, speech, '---\ntitle: 讲话\ndate: 2024-13-45\n---\n') },
  { name: 'a tag the build does not know', file: speech, line: 2, says: 'unknown tag', make: (r) => write(r, speech, '---\ntitle: !custom 讲话\ndate: 2024\n---\n') },
  { name: 'an alias that contains itself', file: speech, says: 'could not be read', make: (r) => write(r, speech, '---\ntitle: &x [*x]\ndate: 2024\n---\n') },
  { name: 'a key that is a list', file: speech, says: 'unknown field', make: (r) => write(r, speech, '---\ntitle: 讲话\ndate: 2024\n? [a, b]\n: c\n---\n') },
  { name: 'front matter never closed', file: speech, line: 1, says: 'front matter', make: (r) => write(r, speech, '---\ntitle: 讲话\ndate: 2024\n') },
  { name: 'an empty file', file: speech, line: 1, says: 'front matter', make: (r) => write(r, speech, '') },
  // Links and special files
  { name: 'symlink to a file outside the content folder', file: speech, says: 'outside the content folder', make: (r) => symlinkSync('/etc/passwd', path.join(r, speech)) },
  { name: 'relative symlink climbing out', file: 'quren-2024/speeches/up.md', says: 'outside the content folder', make: (r) => symlinkSync('../../../../../../../../etc/hostname', path.join(r, 'quren-2024/speeches/up.md')) },
  { name: 'symlinked course folder outside', file: 'waibu', says: 'outside the content folder', make: (r) => symlinkSync(tempDir('lectern-outside-'), path.join(r, 'waibu')) },
  { name: 'symlink in media/ leaving the folder', file: 'dabieshan-2024/media/secret.txt', says: 'outside the content folder', make: (r) => symlinkSync('/etc/passwd', path.join(r, 'dabieshan-2024/media/secret.txt')) },
  { name: 'symlink to site.yaml outside', file: 'site.yaml', says: 'outside the content folder', make: (r) => { rmSync(path.join(r, 'site.yaml')); symlinkSync(fixture('basic/site.yaml'), path.join(r, 'site.yaml')); } },
  { name: 'dangling symlink', file: speech, says: 'does not exist', make: (r) => symlinkSync('nowhere.md', path.join(r, speech)) },
  { name: 'a folder named like a document', file: speech, says: 'expected a file', make: (r) => mkdirSync(path.join(r, speech)) },
  { name: 'a named pipe (reading it would block)', file: speech, says: 'expected a file', make: (r) => { expect(spawnSync('mkfifo', [path.join(r, speech)]).status).toBe(0); } },
  // Names
  { name: 'file name with spaces', file: 'quren-2024/speeches/kai ban.md', says: 'cannot be an id', make: (r) => write(r, 'quren-2024/speeches/kai ban.md', `${FRONT}正文\n`) },
  { name: 'a file name starting with _ (the build reads it too)', file: 'quren-2024/speeches/_caogao.md', says: 'cannot be an id', make: (r) => write(r, 'quren-2024/speeches/_caogao.md', `${FRONT}正文\n`) },
  { name: 'file name in Chinese', file: 'quren-2024/speeches/开班讲话.md', says: 'cannot be an id', make: (r) => write(r, 'quren-2024/speeches/开班讲话.md', `${FRONT}正文\n`) },
  { name: 'course folder in Chinese with a space', file: '培训 班/', says: 'cannot be an id', make: (r) => cpSync(fixture('basic/quren-2024'), path.join(r, '培训 班'), { recursive: true }) },
  // Paths in front matter
  { name: 'attachment climbing out of the course', file: speech, line: 7, says: 'file not found', make: (r) => write(r, speech, `---\ntitle: 讲话\ndate: 2024\nspeaker: 张三\nattachments:\n  - title: 配置\n    file: ../../site.yaml\n---\n`) },
  { name: 'attachment outside media/', file: speech, line: 7, says: 'not in the media/ folder', make: (r) => write(r, speech, `---\ntitle: 讲话\ndate: 2024\nspeaker: 张三\nattachments:\n  - title: 另一篇\n    file: speeches/kaiban.md\n---\n`) },
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function archiveWith(input: BadInput): string {
  const root = path.join(tempDir('lectern-bad-'), 'content');
  roots.push(path.dirname(root));
  cpSync(fixture('basic'), root, { recursive: true });
  input.make(root);
  return root;
}

/** A problem line for `file`: `file: …` or `file:12: …`. */
function problemLines(output: string, file: string): string[] {
  return output.split('\n').filter((line) => line.startsWith(`${file}:`));
}

const STACK_TRACE = /^\s+at\s|\bError:|node:internal|\(node:\d+\) Warning/m;
let clean = 0;

describe('lectern check on bad files', () => {
  test.each(badInputs)('$name: reported against the file, exit 1, no stack trace', (input) => {
    const root = archiveWith(input);
    const started = Date.now();
    // A hang would be the bug: the child is killed after 20 s and the test fails.
    const result = runLectern(['check', '--content', root], {}, undefined, 20_000);
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    expect(output).not.toMatch(STACK_TRACE);
    const lines = problemLines(output, input.file);
    expect(lines, output).toHaveLength(1);
    if (input.line !== undefined) expect(lines[0]).toMatch(new RegExp(`^${escape(input.file)}:${input.line}: `));
    expect(lines[0]).toMatch(input.says);
    expect(Date.now() - started).toBeLessThan(20_000);
    clean++;
  });

  test('messages read in Chinese too', () => {
    const root = archiveWith(badInputs.find((b) => b.name === 'NUL byte in the body')!);
    const result = runLectern(['check', '--content', root], { LECTERN_LANG: 'zh-CN' });
    expect(problemLines(result.stdout, speech)).toEqual([`${speech}:7: 应为文本，文件含 NUL 字节（是否把 .docx 等二进制文件改成了 .md？）`]);
  });

  test('the content folder itself missing is one clear problem', () => {
    const missing = path.join(tempDir(), 'nowhere');
    const result = runLectern(['check', '--content', missing]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${missing}: content folder not found`);
  });
});

describe('all bad files at once', () => {
  // Inputs that replace the same file cannot share one archive; take one of each file.
  const together = badInputs.filter((input, index) => badInputs.findIndex((b) => b.file === input.file) === index);

  test('check lists every one of them with the others, and exits 1', () => {
    const root = path.join(tempDir('lectern-bad-all-'), 'content');
    roots.push(path.dirname(root));
    cpSync(fixture('basic'), root, { recursive: true });
    for (const input of together) input.make(root);
    const result = runLectern(['check', '--content', root], {}, undefined, 60_000);
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(STACK_TRACE);
    for (const input of together) expect(problemLines(result.stdout, input.file), input.name).not.toHaveLength(0);
  });

  test('build refuses them before writing anything', () => {
    const root = path.join(tempDir('lectern-bad-build-'), 'content');
    roots.push(path.dirname(root));
    cpSync(fixture('basic'), root, { recursive: true });
    for (const input of together) input.make(root);
    const out = path.join(path.dirname(root), 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'previous site');
    const result = runLectern(['build', '--content', root, '--out', out], {}, undefined, 60_000);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    for (const input of together) expect(problemLines(result.stderr, input.file), input.name).not.toHaveLength(0);
    expect(result.stderr).toMatch(/dist is unchanged/);
  });
});

describe('links that stay inside the content folder', () => {
  test('are followed: the check passes and the build publishes the file, not the link', () => {
    const root = path.join(tempDir('lectern-inside-link-'), 'content');
    roots.push(path.dirname(root));
    cpSync(fixture('basic'), root, { recursive: true });
    mkdirSync(path.join(root, 'quren-2024/media'));
    symlinkSync('../../dabieshan-2024/media/xianchang.png', path.join(root, 'quren-2024/media/tu.png'));
    expect(runLectern(['check', '--content', root]).status).toBe(0);
    const dist = buildSite(root);
    const copied = path.join(dist, 'courses/quren-2024/media/tu.png');
    expect(lstatSync(copied).isSymbolicLink()).toBe(false);
    expect(readFileSync(copied)).toEqual(readFileSync(fixture('basic/dabieshan-2024/media/xianchang.png')));
  });
});

afterAll(() => {
  // The figure the report quotes: bad inputs tried, and how many came back clean.
  console.log(`bad inputs: ${badInputs.length} tried, ${clean} reported cleanly`);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
