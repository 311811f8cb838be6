import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { hashTree } from '../helpers/hash-tree.ts';
import { runLectern } from '../helpers/lectern.ts';
import { fixture, projectRoot, tempDir } from '../helpers/paths.ts';

/**
 * A build that fails or is interrupted must leave the previous dist/ complete
 * and byte for byte unchanged, say so, and leave nothing behind that the next
 * build does not clean up.
 */

const cli = path.join(projectRoot, 'src/cli/lectern.ts');
const work = tempDir('lectern-atomic-');
const out = path.join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The previous site: files and folders no build of the fixture would write. */
function seedPreviousSite(): Record<string, string> {
  rmSync(out, { recursive: true, force: true });
  for (const file of ['index.html', 'courses/old/index.html', '_astro/old.css', 'pagefind/pagefind.js']) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), `previous site: ${file}\n`);
  }
  writeFileSync(path.join(out, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
  return hashTree(out);
}

/** Whatever a build left next to dist/: staging folders, previous sites. */
function leftovers(): string[] {
  return readdirSync(work).filter((name) => name !== 'dist' && name.startsWith('dist.'));
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** `lectern build` in a child process, so a test can kill it. */
function startBuild(content: string) {
  const child = spawn(process.execPath, [cli, 'build', '--content', content, '--out', out], {
    cwd: work,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const finished = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  const staging = path.join(work, `dist.staging-${child.pid}`);
  // Where Astro writes the pages before they move next to dist/.
  const pages = path.join(projectRoot, `.lectern/build.staging-${child.pid}`);
  return { child, finished, staging, pages };
}

/** Waits (polling every 5 ms) until `ready()` holds; fails if the build ends first. */
async function when(ready: () => boolean, finished: Promise<Finished>): Promise<void> {
  let done = false;
  void finished.then(() => (done = true));
  while (!ready()) {
    if (done) throw new Error('the build ended before the moment the test waited for');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Processes whose parent is `pid` (from /proc, so no `ps` is needed). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // pid (comm) state ppid …: the command may hold spaces, so count from its closing parenthesis.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function isRunning(pid: number): boolean {
  try {
    // A zombie is not running: it only waits for its parent to read its status.
    return !/^\S+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether a page is in `dir` yet; a folder Astro removes during the scan (`.prerender/`) counts as not yet, and the poll looks again. */
const hasHtml = (dir: string): boolean => {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((name) => name.endsWith('.html'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
};

/** The basic fixture plus enough documents that writing the pages takes a while. */
function biggerArchive(): string {
  const content = path.join(work, 'bigger');
  if (existsSync(content)) return content;
  cpSync(fixture('basic'), content, { recursive: true });
  for (let i = 1; i <= 80; i++) {
    const paragraphs = Array.from({ length: 40 }, (_, p) => `第${p + 1}段：人大代表履职学习的第${i}篇材料，内容用于测试构建。`).join('\n\n');
    writeFileSync(path.join(content, `quren-2024/lectures/cailiao-${i}.md`), `---\ntitle: 学习材料第${i}篇\ndate: 2024-04\nlecturers: 李明\n---\n\n${paragraphs}\n`);
  }
  return content;
}

describe('an interrupted build', () => {
  let before: Record<string, string>;
  beforeEach(() => {
    for (const name of leftovers()) rmSync(path.join(work, name), { recursive: true, force: true });
    before = seedPreviousSite();
  });

  test('SIGKILL as soon as the staging folder appears leaves dist/ unchanged; the next build cleans up', async () => {
    const build = startBuild(fixture('basic'));
    await when(() => existsSync(build.staging), build.finished);
    build.child.kill('SIGKILL');
    const result = await build.finished;
    expect(result.signal).toBe('SIGKILL');
    expect(hashTree(out)).toEqual(before);
    expect(leftovers()).toEqual([path.basename(build.staging)]);

    const next = runLectern(['build', '--content', fixture('basic'), '--out', out], {}, work);
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain(`Removed ${path.basename(build.staging)}, left behind by an interrupted build.`);
    expect(leftovers()).toEqual([]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('测试培训资料库');
    expect(existsSync(path.join(out, 'courses/old'))).toBe(false);
  });

  test('SIGKILL while pages are being written leaves dist/ unchanged and stops the renderer', async () => {
    const build = startBuild(biggerArchive());
    await when(() => hasHtml(build.pages), build.finished);
    // Astro renders in a child process of the build (src/cli/render-site.ts).
    const renderers = childrenOf(build.child.pid!);
    expect(renderers).toHaveLength(1);
    build.child.kill('SIGKILL');
    const result = await build.finished;
    expect(result.signal).toBe('SIGKILL');
    // The orphaned renderer stops instead of finishing the site: the home page, rendered last, never appears.
    await when(() => !isRunning(renderers[0]), new Promise<Finished>(() => undefined));
    expect(existsSync(path.join(build.pages, 'index.html'))).toBe(false);
    expect(hashTree(out)).toEqual(before);
    // The half-written site is what was left behind, and nothing of it reached dist/.
    expect(hasHtml(build.pages)).toBe(true);
    const next = runLectern(['build', '--content', fixture('bad-content'), '--out', out], {}, work);
    // Under load the kill can land after the finished pages were moved next to dist/, so the
    // leftover is either the staging folder in the project or its moved copy; both must be cleaned.
    expect(next.stderr).toMatch(new RegExp(`(build|dist)\\.staging-${build.child.pid}, left behind by an interrupted build\\.`));
    expect(existsSync(build.pages)).toBe(false);
  });

  test('a renderer killed from outside fails the build cleanly: dist/ unchanged, its folders removed', async () => {
    const build = startBuild(biggerArchive());
    await when(() => hasHtml(build.pages), build.finished);
    const renderers = childrenOf(build.child.pid!);
    expect(renderers).toHaveLength(1);
    process.kill(renderers[0], 'SIGKILL');
    const result = await build.finished;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The renderer stopped (SIGKILL) before it finished.');
    expect(result.stderr).toContain('Build failed; dist is unchanged.');
    expect(hashTree(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
    expect(existsSync(build.pages)).toBe(false);
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s removes the staging folder, says dist/ is unchanged, and exits %i', async (signal, status) => {
    const build = startBuild(fixture('basic'));
    // Past the check, inside Astro's build.
    await when(() => existsSync(build.staging), build.finished);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    build.child.kill(signal);
    const result = await build.finished;
    expect(result.code).toBe(status);
    expect(result.stderr).toContain(`Build interrupted (${signal}); dist is unchanged.`);
    expect(hashTree(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
    expect(existsSync(build.pages)).toBe(false);
  });

  test('killed between the two renames of the swap: the next run puts the previous site back', () => {
    const dead = deadPid();
    renameSync(out, path.join(work, `dist.previous-${dead}`));
    mkdirSync(path.join(work, `dist.staging-${dead}`));
    writeFileSync(path.join(work, `dist.staging-${dead}/index.html`), 'half a site');
    // Even a build that stops at the check restores the site first.
    const result = runLectern(['build', '--content', fixture('bad-content'), '--out', out], {}, work);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Put the previous site back into dist from dist.previous-${dead}`);
    expect(hashTree(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  test('the folders of a build still running are left alone', () => {
    // This test's own process is alive: its folder must look like another build's.
    const live = path.join(work, `dist.staging-${process.pid}`);
    mkdirSync(live);
    const result = runLectern(['build', '--content', fixture('bad-content'), '--out', out], {}, work);
    expect(result.status).toBe(1);
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });
  });
});

describe('a failing build', () => {
  let before: Record<string, string>;
  beforeEach(() => {
    for (const name of leftovers()) rmSync(path.join(work, name), { recursive: true, force: true });
    before = seedPreviousSite();
  });

  test('bad content stops it before anything is written', () => {
    const result = runLectern(['build', '--content', fixture('bad-content'), '--out', out], {}, work);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Build stopped before writing anything; dist is unchanged.');
    expect(hashTree(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });

  test('a page that throws while rendering leaves dist/ unchanged', () => {
    const content = path.join(work, 'throws');
    cpSync(fixture('basic'), content, { recursive: true });
    // Valid front matter, so the check passes; the page throws when Astro renders it.
    writeFileSync(
      path.join(content, 'quren-2024/lectures/boom.mdx'),
      "---\ntitle: 会出错的页面\ndate: 2024\nlecturers: 李明\n---\n\n{(() => { throw new Error('page exploded on purpose') })()}\n",
    );
    const result = runLectern(['build', '--content', content, '--out', out], {}, work);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('page exploded on purpose');
    expect(result.stderr).toContain('Build failed; dist is unchanged.');
    expect(hashTree(out)).toEqual(before);
    expect(leftovers()).toEqual([]);
  });
});

describe('two builds at once', () => {
  test('the second waits for the first, and both publish a whole site', async () => {
    const first = startBuild(fixture('basic'));
    await when(() => existsSync(first.staging), first.finished);
    const otherOut = path.join(work, 'other-dist');
    const second = spawnSync(process.execPath, [cli, 'build', '--content', fixture('basic'), '--out', otherOut], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const firstResult = await first.finished;
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain(`Waiting for another build of this project (process ${first.child.pid}) to finish`);
    expect(hashTree(otherOut)).toEqual(hashTree(out));
  });
});

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}
