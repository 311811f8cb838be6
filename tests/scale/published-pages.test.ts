import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { withBuildLock } from '../helpers/build-lock.ts';
import { runLectern } from '../helpers/lectern.ts';
import { fixture, projectRoot } from '../helpers/paths.ts';
import { cacheDir } from '../../src/archive/cache-dir.ts';
import { readBundle } from '../helpers/pagefind-bundle.ts';
import { readableIndexedText } from '../../src/lib/search-text.ts';
import { SPARE_SITE } from '../../src/integrations/published-pages.ts';
import { pageCopyFile } from '../../src/integrations/astro-page-cache.ts';
import { pathToFileURL } from 'node:url';

/**
 * A rebuild links the unchanged pages of the published site into the new one instead
 * of copying them out of Astro's cache (src/integrations/published-pages.ts). What
 * must hold: the published site's files are never written into, a page Astro renders
 * is a new file, and nothing is linked from a site the cache does not describe.
 */
let root = '';
let content = '';
let out = '';

function build(into = out, from = content, env: NodeJS.ProcessEnv = {}): string {
  const result = withBuildLock(() => runLectern(['build', '--content', from, '--out', into], env));
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

const linkedCount = (log: string) => Number(/(\d+) unchanged page\(s\) linked from the published site/.exec(log)?.[1] ?? 0);
const sha1 = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));

beforeAll(() => {
  // Inside the project, on the file system of the folder Astro writes into, so that links can be made.
  const parent = path.join(projectRoot, '.lectern', 'tests');
  mkdirSync(parent, { recursive: true });
  root = mkdtempSync(path.join(parent, 'published-'));
  content = path.join(root, 'content');
  out = path.join(root, 'dist');
  cpSync(fixture('basic'), content, { recursive: true });
  build();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Holds a link to every file of `site`, so that the test can read the published files after a rebuild; gives each one's hash. */
function holdFiles(site: string, held: string): Map<string, string> {
  const before = new Map(filesOf(site).map((file) => [file, sha1(path.join(site, file))]));
  for (const file of before.keys()) {
    mkdirSync(path.dirname(path.join(held, file)), { recursive: true });
    linkSync(path.join(site, file), path.join(held, file));
  }
  return before;
}

describe('a rebuild with the published site beside it', () => {
  it('links in every page Astro takes unchanged and writes no file of the published site', () => {
    // Links made before the rebuild keep the published files where the test can read them after it.
    const held = path.join(root, 'held');
    const before = holdFiles(out, held);
    appendFileSync(path.join(content, 'dabieshan-2024/lectures/piaojuezhi.md'), '\n链接重建测试追加的一段文字。\n');
    const log = build();

    const cached = log.match(/\(cached\)/g)?.length ?? 0;
    expect(cached).toBeGreaterThan(15);
    expect(linkedCount(log)).toBe(cached);
    expect(log).not.toMatch(/\(restored\)/);
    for (const [file, hash] of before) expect(sha1(path.join(held, file)), file).toBe(hash);

    const inode = (dir: string, route: string) => statSync(path.join(dir, route, 'index.html')).ino;
    // An unchanged page is the published file itself; the changed one, its compilation and the home page are new files.
    expect(inode(out, 'courses/quren-2024/kaiban')).toBe(inode(held, 'courses/quren-2024/kaiban'));
    for (const route of ['courses/dabieshan-2024/piaojuezhi', 'courses/dabieshan-2024/print', '']) {
      expect(inode(out, route), route).not.toBe(inode(held, route));
    }
    expect(readFileSync(path.join(out, 'courses/dabieshan-2024/piaojuezhi/index.html'), 'utf8')).toContain('链接重建测试追加的一段文字。');
    expect(readFileSync(path.join(held, 'courses/dabieshan-2024/piaojuezhi/index.html'), 'utf8')).not.toContain('链接重建测试追加的一段文字。');
    // Astro's cache copy of each page is that page (astro-page-cache.ts): of the changed one, its new file.
    const copy = (route: string) => statSync(pageCopyFile(pathToFileURL(`${cacheDir(content, projectRoot)}/`), `${route}/index.html`)).ino;
    expect(copy('courses/quren-2024/kaiban')).toBe(inode(held, 'courses/quren-2024/kaiban'));
    expect(copy('courses/dabieshan-2024/piaojuezhi')).toBe(inode(out, 'courses/dabieshan-2024/piaojuezhi'));

    // The search index and the policy pass read only the pages that are new files (file-memo.ts).
    const html = filesOf(out).filter((file) => file.endsWith('.html')).length;
    const rendered = html - Number(/(\d+) built page\(s\) unchanged since the last build, not read/.exec(log)?.[1]);
    expect(rendered).toBeGreaterThanOrEqual(3);
    expect(rendered).toBeLessThan(html - 15);
    expect(log).toMatch(new RegExp(`Content-Security-Policy on ${html} page\\(s\\).*; ${html - rendered} page\\(s\\) unchanged since the last build, not read`));
    // The unchanged pages of the index made again are taken as the last build read them…
    expect(log).toMatch(/, 5 unchanged in the indexes made again/);
    // …and the index is the one a build from nothing makes of the same content.
    const fresh = path.join(root, 'fresh');
    cpSync(content, path.join(fresh, 'content'), { recursive: true });
    build(path.join(fresh, 'dist'), path.join(fresh, 'content'));
    const bundles = readdirSync(out).filter((name) => name.startsWith('pagefind'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const bundle of bundles) expect(readBundle(path.join(out, bundle)), bundle).toEqual(readBundle(path.join(fresh, 'dist', bundle)));
  });

  it('reuses the folders of the site it replaced, keeping of its files only the published pages', () => {
    const spare = path.join(cacheDir(content, projectRoot), SPARE_SITE);
    expect(statSync(spare, { throwIfNoEntry: false })?.isDirectory(), 'the last rebuild kept the site it replaced').toBe(true);
    // What the spare may hold that must not reach the new site: a page that is not the
    // published one, a file that is no page, a folder no page lies in.
    const page = 'courses/quren-2024/kaiban/index.html';
    rmSync(path.join(spare, page));
    writeFileSync(path.join(spare, page), '<html><body>不是已发布的页面</body></html>');
    writeFileSync(path.join(spare, 'courses/quren-2024/kaiban/stray.html'), 'stray');
    mkdirSync(path.join(spare, 'stray-folder'));
    writeFileSync(path.join(spare, 'stray-folder/stray.txt'), 'stray');
    const folder = statSync(path.join(spare, 'courses/quren-2024/kaiban')).ino;
    const held = path.join(root, 'held-spare');
    const before = holdFiles(out, held);
    appendFileSync(path.join(content, 'dabieshan-2024/lectures/piaojuezhi.md'), '\n备用站点测试追加的一段文字。\n');
    const log = build();

    expect(linkedCount(log)).toBeGreaterThan(15);
    for (const [file, hash] of before) expect(sha1(path.join(held, file)), file).toBe(hash);
    // The folder is the spare's; the page in it is the published one again, linked anew.
    expect(statSync(path.join(out, 'courses/quren-2024/kaiban')).ino).toBe(folder);
    expect(statSync(path.join(out, page)).ino).toBe(statSync(path.join(held, page)).ino);
    expect(existsSync(path.join(out, 'courses/quren-2024/kaiban/stray.html'))).toBe(false);
    expect(existsSync(path.join(out, 'stray-folder'))).toBe(false);
    expect(readFileSync(path.join(out, 'courses/dabieshan-2024/piaojuezhi/index.html'), 'utf8')).toContain('备用站点测试追加的一段文字。');
    // The site holds the files a build from nothing makes of the same content, and no others.
    const fresh = path.join(root, 'fresh-spare');
    cpSync(content, path.join(fresh, 'content'), { recursive: true });
    build(path.join(fresh, 'dist'), path.join(fresh, 'content'));
    expect(filesOf(out).sort()).toEqual(filesOf(path.join(fresh, 'dist')).sort());
    // The site replaced now is the spare.
    expect(statSync(spare, { throwIfNoEntry: false })?.isDirectory()).toBe(true);
  });

  it("links nothing when Astro's cache was written by a build whose site was not published", () => {
    // What a build that failed after Astro wrote its manifest leaves behind: a manifest the published site does not match.
    const manifest = path.join(cacheDir(content, projectRoot), 'incremental-build.json');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}\n`);
    const log = build();
    expect(log).not.toMatch(/linked from the published site/);
    expect(log.match(/\(restored\)/g)?.length ?? 0).toBeGreaterThan(15);
    // That build published its site: the next one links again.
    expect(linkedCount(build())).toBeGreaterThan(15);
  });

  it('unlinks the pages Astro renders under a base path too', () => {
    const site = path.join(root, 'base');
    const from = path.join(root, 'base-content');
    cpSync(fixture('basic'), from, { recursive: true });
    const env = { BASE_PATH: '/peixun/' };
    build(site, from, env);
    const held = path.join(root, 'base-held');
    const before = holdFiles(site, held);
    appendFileSync(path.join(from, 'dabieshan-2024/lectures/piaojuezhi.md'), '\n子路径下追加的一段文字。\n');
    const log = build(site, from, env);
    expect(linkedCount(log)).toBeGreaterThan(15);
    for (const [file, hash] of before) expect(sha1(path.join(held, file)), file).toBe(hash);
    expect(readFileSync(path.join(site, 'courses/dabieshan-2024/piaojuezhi/index.html'), 'utf8')).toContain('子路径下追加的一段文字。');
  });

  it('leaves out the page of a document removed since', () => {
    const removed = path.join(out, 'courses/quren-2024/daibiaofa/index.html');
    expect(statSync(removed).isFile()).toBe(true);
    rmSync(path.join(content, 'quren-2024/lectures/daibiaofa.md'));
    build();
    expect(() => statSync(removed)).toThrow();
  });

  it('links nothing from a site another content folder put in the same place', () => {
    const other = path.join(root, 'other');
    cpSync(fixture('basic'), other, { recursive: true });
    appendFileSync(path.join(other, 'dabieshan-2024/lectures/piaojuezhi.md'), '\n另一份内容的文字。\n');
    build(out, other);
    const log = build();
    expect(log).not.toMatch(/linked from the published site/);
    expect(readFileSync(path.join(out, 'courses/dabieshan-2024/piaojuezhi/index.html'), 'utf8')).not.toContain('另一份内容的文字。');
  });

  it('copies instead when the published site is on another file system, and gives the right pages', () => {
    // /dev/shm is a memory file system on Linux: no file of the project can be linked to it.
    const shm = '/dev/shm';
    expect(statSync(shm, { throwIfNoEntry: false })?.isDirectory(), 'this test needs /dev/shm, a file system of its own').toBe(true);
    expect(statSync(shm).dev).not.toBe(statSync(projectRoot).dev);
    const site = mkdtempSync(path.join(shm, 'lectern-published-'));
    try {
      const from = path.join(root, 'shm-content');
      cpSync(fixture('basic'), from, { recursive: true });
      build(site, from);
      const unchanged = 'courses/quren-2024/kaiban/index.html';
      const before = readFileSync(path.join(site, unchanged));
      appendFileSync(path.join(from, 'dabieshan-2024/lectures/piaojuezhi.md'), '\n另一个文件系统上追加的文字。\n');
      const log = build(site, from);
      expect(log).toMatch(/0 unchanged page\(s\) linked from the published site/);
      expect(log.match(/\(restored\)/g)?.length ?? 0).toBeGreaterThan(15);
      expect(readFileSync(path.join(site, 'courses/dabieshan-2024/piaojuezhi/index.html'), 'utf8')).toContain('另一个文件系统上追加的文字。');
      expect(readFileSync(path.join(site, unchanged))).toEqual(before);
      // The search index found the new text too (its word files are linked from the cache, then the site is moved across).
      const indexed = Object.values(readBundle(path.join(site, 'pagefind')).pages).map((page) => readableIndexedText(String(page.fragment.content)));
      expect(indexed.join('\n')).toContain('另一个文件系统上追加的文字');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
