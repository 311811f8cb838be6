/**
 * Measures the two ways to feed Pagefind through its Node API on the same
 * pages: `addHTMLFile` with Lectern's prepared HTML (what the build does) and
 * `addCustomRecord` with the same text, metadata and filters taken out of the
 * HTML. Builds the search fixture once, then indexes `LECTERN_BENCH_PAGES`
 * pages (default 400) made by repeating its documents under new URLs.
 *
 *   node bench/search-index-routes.ts
 *
 * Prints wall time and this process's and Pagefind's CPU time per route. Keep
 * it small on a shared machine: Pagefind needs about 1 MB per Chinese page.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { Converter } from 'opencc-js/t2cn';
import { searchGlossary } from '../src/lib/search-glossary.ts';
import { buildDictionary } from '../src/lib/search-query.ts';
import { htmlText } from '../src/lib/search-text.ts';
import { prepareHtml } from '../src/integrations/search-prepare.ts';

const root = path.resolve(import.meta.dirname, '..');
const pages = Number(process.env.LECTERN_BENCH_PAGES ?? 400);
const site = path.join(os.tmpdir(), `lectern-bench-search-${process.pid}`);
execFileSync(process.execPath, [path.join(root, 'src/cli/lectern.ts'), 'build', '--content', path.join(root, 'tests/search/archive'), '--out', site], {
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});

const documents: string[] = [];
for (const course of readdirSync(path.join(site, 'courses'))) {
  for (const doc of readdirSync(path.join(site, 'courses', course), { withFileTypes: true })) {
    const file = path.join(site, 'courses', course, doc.name, 'index.html');
    if (doc.isDirectory() && readdirSync(path.dirname(file)).includes('index.html')) documents.push(readFileSync(file, 'utf8'));
  }
}
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const dictionary = buildDictionary(['吴文毅', '张静远', '熊建欣', '谢天学'], searchGlossary);

interface Route {
  name: string;
  add(index: pagefind.PagefindIndex, html: string, url: string): Promise<unknown>;
}

const routes: Route[] = [
  {
    name: 'addHTMLFile (prepared HTML)',
    add: (index, html, url) => index.addHTMLFile({ url, content: prepareHtml(html, dictionary, segmenter, toSimplified).html }),
  },
  {
    name: 'addCustomRecord (same text)',
    add: (index, html, url) => {
      const prepared = prepareHtml(html, dictionary, segmenter, toSimplified).html;
      const body = prepared.slice(prepared.indexOf('<p class="kind">'), prepared.indexOf('</article>'));
      const attr = (name: string) => new RegExp(`data-pagefind-filter="${name}\\[data-value\\]"[^>]*data-value="([^"]*)"`).exec(html)?.[1] ?? '';
      return index.addCustomRecord({
        url,
        content: htmlText(body),
        language: 'zh-cn',
        meta: { title: htmlText(/<h1>([\s\S]*?)<\/h1>/.exec(prepared)?.[1] ?? '') },
        filters: { course: [attr('course')], kind: [attr('kind')], year: [attr('year')] },
      });
    },
  },
];

function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // cutime + cstime (fields 16 and 17 of /proc/<pid>/stat): CPU of waited-for children.
  return (Number(stat[13]) + Number(stat[14])) / 100;
}

for (const route of routes) {
  const out = path.join(site, `bench-${routes.indexOf(route)}`);
  const cpu = process.cpuUsage();
  const child = childCpuSeconds();
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('no index');
  // Four in flight, as the build does, so preparing a page overlaps Pagefind reading the last.
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < pages) {
        const i = next++;
        await route.add(index, documents[i % documents.length], `/bench/${i}/`);
      }
    }),
  );
  const added = performance.now();
  await index.writeFiles({ outputPath: out });
  await pagefind.close();
  // Let the service exit so its CPU time is counted as the child's.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const wall = performance.now() - started;
  const own = process.cpuUsage(cpu);
  console.log(
    `${route.name}: ${pages} pages, ${(wall / 1000).toFixed(1)} s wall (${((added - started) / pages).toFixed(1)} ms a page to add), ` +
      `Lectern CPU ${((own.user + own.system) / 1e6).toFixed(1)} s, Pagefind CPU ${(childCpuSeconds() - child).toFixed(1)} s`,
  );
}
rmSync(site, { recursive: true, force: true });
