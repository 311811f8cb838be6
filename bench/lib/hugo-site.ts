/**
 * The peer pipeline: the same documents as a Hugo site (what someone would pick instead of
 * Lectern for a big archive), built by Hugo, then indexed by the Pagefind CLI.
 * Its pages hold what Lectern's hold — home with courses by year, a page per course listing
 * its documents, a page per document with title, people, date and body — and, as Pagefind
 * recommends, only the document pages are marked for indexing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { setAside } from './set-aside.ts';

const kinds: Record<string, string> = { speeches: '讲话', lectures: '讲稿', writeups: '侧记' };

/** Writes `<dir>/site` (config, layouts, content) from the archive in `archive`. */
export function writeHugoSite(archive: string, dir: string): string {
  const site = path.join(dir, 'site');
  setAside(site);
  const write = (relative: string, text: string) => {
    const file = path.join(site, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  write('hugo.yaml', [
    'baseURL: /',
    'languageCode: zh-CN',
    'defaultContentLanguage: zh',
    'hasCJKLanguage: true',
    'title: 人大培训资料库（基准测试）',
    // Lectern makes no tag pages, feeds or sitemap yet: leave them out of the peer too.
    'disableKinds: [taxonomy, term, RSS, sitemap, robotsTXT]',
    'markup:',
    '  goldmark:',
    '    renderer:',
    '      unsafe: false',
    '',
  ].join('\n'));
  write('layouts/_default/baseof.html', `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} - {{ .Site.Title }}</title></head>
<body>
<header><a href="/">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>基准测试</footer>
</body>
</html>
`);
  write('layouts/_default/single.html', `{{ define "main" }}
<article data-pagefind-body>
<p>{{ .Params.kind }}</p>
<h1>{{ .Title }}</h1>
<dl>
{{ with .Params.people }}<dt>人员</dt><dd>{{ delimit . "、" }}</dd>{{ end }}
<dt>日期</dt><dd>{{ .Date.Format "2006年1月2日" }}</dd>
<dt>培训班</dt><dd><a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></dd>
</dl>
{{ .Content }}
</article>
{{ end }}
`);
  write('layouts/_default/list.html', `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.kind }} {{ .Date.Format "2006年1月2日" }}</li>{{ end }}</ul>
{{ end }}
`);
  write('layouts/index.html', `{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
{{ range (where .Site.Sections "Section" "courses") }}
{{ range .Sections.GroupByDate "2006" }}<h2>{{ .Key }}年</h2><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
{{ end }}
<h2>最新</h2>
<ul>{{ range first 10 (where .Site.RegularPages.ByDate.Reverse "Section" "courses") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
`);
  // The search page a Hugo user gets from Pagefind: its Default UI, started with ?q= from the address.
  write('static/search/index.html', `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>搜索</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div>
<script>
window.addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({ element: '#search', showSubResults: true });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
});
</script>
</body>
</html>
`);
  write('content/courses/_index.md', '---\ntitle: 培训班\n---\n');
  for (const course of readdirSync(archive, { withFileTypes: true })) {
    if (!course.isDirectory()) continue;
    const courseDir = path.join(archive, course.name);
    const meta = frontMatter(readFileSync(path.join(courseDir, 'course.md'), 'utf8'));
    write(`content/courses/${course.name}/_index.md`, hugoPage({ title: meta.data.title, date: fullDate(meta.data.start) }, meta.body));
    for (const folder of Object.keys(kinds)) {
      let files: string[];
      try {
        files = readdirSync(path.join(courseDir, folder));
      } catch {
        continue;
      }
      for (const name of files) {
        const doc = frontMatter(readFileSync(path.join(courseDir, folder, name), 'utf8'));
        const people = [doc.data.speaker, doc.data.lecturers, doc.data.reporters, doc.data.correspondents, doc.data.editors]
          .flat()
          .filter((p) => p !== undefined)
          .map((p) => (typeof p === 'string' ? p : (p as { name: string }).name));
        write(
          `content/courses/${course.name}/${name}`,
          hugoPage({ title: doc.data.title, date: fullDate(doc.data.date), kind: kinds[folder], people, tags: doc.data.tags ?? [] }, doc.body),
        );
      }
    }
  }
  return site;
}

function frontMatter(text: string): { data: Record<string, unknown> & { title: string }; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('bench archive file without front matter');
  return { data: parse(match[1]) as Record<string, unknown> & { title: string }, body: text.slice(match[0].length) };
}

/** Hugo wants a full date; partial dates (`2019-04`) become the first of the month or year. */
function fullDate(value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text;
}

function hugoPage(data: Record<string, unknown>, body: string): string {
  const lines = Object.entries(data).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}
