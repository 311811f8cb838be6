import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { hashTree } from '../helpers/hash-tree.ts';
import { runLectern } from '../helpers/lectern.ts';
import { fixture, projectRoot } from '../helpers/paths.ts';

/**
 * Two builds of the same content with the same code must write the same bytes.
 * The second build differs in everything that should not matter: the clock
 * (400 days later), the time zone, the locale, where the content lies, the
 * order the file system lists it in, the files' modification times, and stray
 * variables in the environment (NODE_ENV, BASE_URL…).
 */

const fakeClock = pathToFileURL(path.join(projectRoot, 'tests/helpers/fake-clock.mjs')).href;
// tmpfs lists a folder in reverse creation order, ext4 by name hash: content copied
// once in each order onto tmpfs comes back from readdir in two different orders.
const scratchRoot = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Copies `from` to `to` creating entries in sorted or reversed order, optionally dating every file `mtime`. */
function copyTree(from: string, to: string, order: 'sorted' | 'reversed', mtime?: Date): void {
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).sort();
  if (order === 'reversed') names.reverse();
  for (const name of names) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (statSync(source).isDirectory()) copyTree(source, target, order, mtime);
    else writeFileSync(target, readFileSync(source));
    if (mtime) utimesSync(target, mtime, mtime);
  }
}

/** The basic fixture plus two documents of one date whose order depends on the locale (da_DK sorts "aa" after "z"). */
function content(order: 'sorted' | 'reversed', mtime?: Date): string {
  const root = path.join(scratchRoot, `lectern-determinism-${process.pid}-${order}`);
  rmSync(root, { recursive: true, force: true });
  scratch.push(root);
  const add = (id: string, title: string) =>
    writeFileSync(path.join(root, `quren-2024/lectures/${id}.md`), `---\ntitle: ${title}\ndate: 2024-04\nlecturers: 李明\n---\n\n${title}的正文。\n`);
  copyTree(fixture('basic'), root, order, mtime);
  add('aaa-tongzhi', '培训通知');
  add('zhaiyao', '培训摘要');
  if (mtime) for (const id of ['aaa-tongzhi', 'zhaiyao']) utimesSync(path.join(root, `quren-2024/lectures/${id}.md`), mtime, mtime);
  return root;
}

function build(contentDir: string, env: NodeJS.ProcessEnv): string {
  const out = path.join(path.dirname(contentDir), `${path.basename(contentDir)}-dist`);
  rmSync(out, { recursive: true, force: true });
  scratch.push(out);
  const result = runLectern(['build', '--content', contentDir, '--out', out], env, projectRoot, 300_000);
  expect(result.status, result.stderr).toBe(0);
  return out;
}

describe('deterministic output', () => {
  test('the fake clock really moves the clock of a build', () => {
    const year = spawnSync(process.execPath, ['--import', fakeClock, '-e', 'process.stdout.write(String(new Date().getFullYear() - new Date(0).getFullYear()))'], { encoding: 'utf8' });
    expect(Number(year.stdout)).toBeGreaterThan(new Date().getFullYear() - 1970);
  });

  test('two builds of the basic fixture under different clocks, zones, locales and file orders are byte-identical', () => {
    const first = build(content('sorted'), { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' });
    const second = build(content('reversed', new Date('2001-02-03T04:05:06Z')), {
      TZ: 'Pacific/Kiritimati',
      LANG: 'da_DK.UTF-8',
      LC_ALL: 'da_DK.UTF-8',
      // Names a shell or a test runner may leave in the environment.
      NODE_ENV: 'development',
      BASE_URL: '/elsewhere/',
      SITE: 'https://elsewhere.example/',
      MODE: 'development',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${fakeClock}`.trim(),
    });
    const hashes = hashTree(first);
    expect(Object.keys(hashes).length).toBeGreaterThan(10);
    expect(hashTree(second)).toEqual(hashes);
    // The order that would have followed the locale is the code-point order in both.
    const course = readFileSync(path.join(first, 'courses/quren-2024/index.html'), 'utf8');
    expect(course.indexOf('/aaa-tongzhi/')).toBeGreaterThan(-1);
    expect(course.indexOf('/aaa-tongzhi/')).toBeLessThan(course.indexOf('/zhaiyao/'));
  });
});
