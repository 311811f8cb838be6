import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index-build.ts';
import { EarlyPreparation, earlyPreparationWanted, type PlannedPage } from '../../src/integrations/search-early.ts';
import { dictionaryKey, indexDictionary } from '../../src/integrations/search-dictionary.ts';
import { hashTree } from '../helpers/hash-tree.ts';
import { tempDir } from '../helpers/paths.ts';

/**
 * Pages prepared for the search index while Astro renders (search-early.ts) must give
 * the index it would have had without them, and never a page older than the one built.
 */

const facets =
  '<span data-pagefind-filter="course[data-value]" data-value="c" data-label="测试培训班"></span>' +
  '<span data-pagefind-filter="kind[data-value]" data-pagefind-meta="kind[data-value]" data-value="lecture"></span>' +
  '<span data-pagefind-sort="date[data-value]" data-pagefind-meta="date[data-value]" data-value="2024-04"></span>' +
  '<span data-pagefind-filter="person[data-value]" data-value="wu-wenyi" data-label="吴文毅"></span>' +
  '<span data-pagefind-filter="tag[data-value]" data-value="代表法"></span>';

/** A document page as the site renders it, reduced to what indexing reads. */
function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><main id="main">
<article class="article" data-pagefind-body><div hidden data-pagefind-ignore>${facets}</div>
<p class="kind">讲稿</p><h1>${title}</h1><dl><div><dt>主讲人</dt><dd>吴文毅</dd></div></dl>
<div class="body"><p>${body}</p></div></article></main></body></html>\n`;
}

const planned = (id: string): PlannedPage => ({ url: `/courses/c/${id}/`, file: `courses/c/${id}/index.html`, people: ['吴文毅'], tags: ['代表法'] });
const pages = [planned('a'), planned('b')];

function write(out: string, id: string, html: string): void {
  mkdirSync(path.join(out, 'courses/c', id), { recursive: true });
  writeFileSync(path.join(out, 'courses/c', id, 'index.html'), html);
}

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for the early preparation');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const running: EarlyPreparation[] = [];
afterEach(async () => {
  for (const early of running.splice(0)) {
    await early.stop();
    early.dispose();
  }
});

function start(out: string, content: string): EarlyPreparation {
  const early = new EarlyPreparation({ outDir: out, content, cacheDir: tempDir('lectern-early-cache-'), pages, workers: 1 });
  running.push(early);
  return early;
}

/** The index of `out` built without early pages, in a copy, for comparison. */
async function indexWithout(out: string, content: string): Promise<Record<string, string>> {
  const copy = tempDir('lectern-early-plain-');
  cpSync(out, copy, { recursive: true });
  const report = await buildSearchIndex({ outDir: copy, content });
  expect(report.early).toBe(0);
  return hashTree(path.join(copy, 'pagefind'));
}

describe('preparing pages while Astro renders', () => {
  it('prepares the pages written whole, and the index built with them is the index built without', async () => {
    const out = tempDir('lectern-early-');
    const content = tempDir();
    const early = start(out, content);
    write(out, 'a', page('代表法讲座', '吴文毅讲代表法的规定。'));
    write(out, 'b', page('议案讲座', '议案的提出和办理。'));
    await until(() => early.count === 2);
    await early.stop();

    const report = await buildSearchIndex({ outDir: out, content, early });
    expect(report.early).toBe(2);
    expect(report.pages).toBe(2);
    const index = hashTree(path.join(out, 'pagefind'));
    expect(Object.keys(index).length).toBeGreaterThan(5);
    expect(await indexWithout(out, content)).toEqual(index);
  });

  it('leaves a page read half written, and a page written again since, to the index build', async () => {
    const out = tempDir('lectern-early-');
    const content = tempDir();
    const early = start(out, content);
    write(out, 'a', page('代表法讲座', '第一稿。'));
    const whole = page('议案讲座', '议案的提出和办理。');
    write(out, 'b', whole.slice(0, whole.length / 2));
    await until(() => early.count === 1);
    // Astro writes `a` again (a later version), and finishes `b`.
    write(out, 'a', page('代表法讲座', '第二稿，改过的。'));
    write(out, 'b', whole);
    await early.stop();

    const report = await buildSearchIndex({ outDir: out, content, early });
    // `b` was seen unfinished until the preparation stopped, or prepared once whole: either way the index matches.
    expect(report.early).toBeLessThanOrEqual(1);
    expect(await indexWithout(out, content)).toEqual(hashTree(path.join(out, 'pagefind')));
  });

  it('gives a page only for the hash it was made from and the dictionary it was made with', async () => {
    const out = tempDir('lectern-early-');
    const content = tempDir();
    const early = start(out, content);
    write(out, 'a', page('代表法讲座', '吴文毅讲代表法的规定。'));
    await until(() => early.count === 1);
    await early.stop();
    const key = dictionaryKey(indexDictionary(content, ['吴文毅'], ['代表法']), false);
    const other = dictionaryKey(indexDictionary(content, ['吴文毅', '李明'], ['代表法']), false);
    const hash = createHash('sha1').update(readFileSync(path.join(out, pages[0].file))).digest('base64');

    const taken = early.take(pages[0].url, hash, key);
    expect(taken?.names).toEqual([['吴文毅', 2]]);
    expect(taken?.record?.url).toBe(pages[0].url);
    expect(early.take(pages[0].url, hash, other)).toBeUndefined();
    expect(early.take(pages[0].url, 'another hash', key)).toBeUndefined();
    expect(early.take(pages[1].url, hash, key)).toBeUndefined();
  });

  it("takes people.yaml's names from the check when given them, and from the file when not", () => {
    const content = tempDir();
    writeFileSync(path.join(content, 'people.yaml'), '- name: 周海燕\n  positions: [讲师]\n');
    const fromFile = indexDictionary(content, [], []);
    expect(fromFile.names.has('周海燕')).toBe(true);
    // `lectern build` passes the names its check read: the file is not parsed again.
    const checked = indexDictionary(content, [], [], ['马建国']);
    expect(checked.names.has('马建国')).toBe(true);
    expect(checked.names.has('周海燕')).toBe(false);
    expect(dictionaryKey(checked, false)).toBe(dictionaryKey(indexDictionary(content, [], [], ['马建国']), false));
  });

  it('is on unless LECTERN_SEARCH_EARLY=off', () => {
    expect(earlyPreparationWanted({})).toBe(true);
    expect(earlyPreparationWanted({ LECTERN_SEARCH_EARLY: 'off' })).toBe(false);
  });
});
