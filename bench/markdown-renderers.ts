/**
 * `node bench/markdown-renderers.ts`: milliseconds a document for the Markdown renderers
 * considered (docs/scaling.md), on 300 documents of the 1,000-document bench archive
 * (run `npm run bench -- --docs 1000` first). CPU time of this process, best of 3 rounds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { markdownToHtml } from 'satteri';
import { rehypeHeadingIds } from '../src/markdown/rehype-heading-ids.ts';
import { renderMarkdown } from '../src/markdown/render-markdown.ts';
import { splitFrontmatter } from '../src/archive/frontmatter.ts';

const root = path.join(import.meta.dirname, 'work/archive-1000');
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.md') && e.name !== 'course.md')
  .map((e) => path.join(e.parentPath, e.name))
  .sort()
  .slice(0, 300);
const bodies = files.map((file) => splitFrontmatter(readFileSync(file, 'utf8')).body);
const chars = bodies.reduce((sum, body) => sum + body.length, 0);
const unified = await createMarkdownProcessor({ remarkPlugins: [remarkCjkFriendly], rehypePlugins: [rehypeHeadingIds], smartypants: false });

async function time(name: string, render: (body: string) => unknown): Promise<void> {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const before = process.cpuUsage();
    for (const body of bodies) await render(body);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000 / bodies.length);
  }
  process.stdout.write(`${name.padEnd(40)} ${best.toFixed(2)} ms CPU a document\n`);
}

process.stdout.write(`${bodies.length} documents, ${Math.round(chars / bodies.length)} characters each on average\n`);
await time('unified + remark-cjk-friendly (Astro)', (body) => unified.render(body));
await time('markdown-it + markdown-it-cjk-friendly', (body) => renderMarkdown(body));
await time('satteri (no CJK emphasis rule)', (body) => markdownToHtml(body));
