import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeHeadingIds } from '../../src/markdown/rehype-heading-ids.ts';
import { needsUnified, renderMarkdown } from '../../src/markdown/render-markdown.ts';
import { splitFrontmatter } from '../../src/archive/frontmatter.ts';
import { fixturesDir, projectRoot } from '../helpers/paths.ts';

// The pipeline astro.config.mjs gives Astro, which the fast renderer must agree with.
const unified = await createMarkdownProcessor({ remarkPlugins: [remarkCjkFriendly], rehypePlugins: [rehypeHeadingIds], smartypants: false });

/** The same HTML up to serialisation: whitespace between tags and how `<`, `&`, `"` and `>` are escaped. */
function normalise(html: string): string {
  return html
    .replace(/&#x3C;/g, '&lt;')
    .replace(/&#x26;/g, '&amp;')
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/>\s+</g, '><')
    .replace(/\s+/g, ' ')
    .trim();
}

async function both(markdown: string) {
  const slow = await unified.render(markdown);
  const fast = renderMarkdown(markdown);
  return { slow: normalise(slow.code), fast: normalise(fast.html), slowHeadings: slow.metadata.headings, fastHeadings: fast.headings };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('renderMarkdown (markdown-it with CJK-friendly emphasis)', () => {
  it('renders emphasis next to Chinese punctuation as remark-cjk-friendly does', () => {
    expect(renderMarkdown('这是**我想做的事。**所以').html).toBe('<p>这是<strong>我想做的事。</strong>所以</p>');
    expect(renderMarkdown('深化**“一个认识”**、解决**“三维问题”**。').html).toBe(
      '<p>深化<strong>“一个认识”</strong>、解决<strong>“三维问题”</strong>。</p>',
    );
  });

  it('leaves quotes, dashes and dots as written', () => {
    expect(renderMarkdown('他说"要学习"--好...').html).toBe('<p>他说&quot;要学习&quot;--好...</p>');
  });

  it('writes table alignment as an attribute, never a style (the CSP allows no inline style)', () => {
    const { html } = renderMarkdown('| 方面 | 要点 |\n| :--- | ---: |\n| 一 | 二 |');
    expect(html).toContain('<th align="left">方面</th>');
    expect(html).toContain('<td align="right">二</td>');
    expect(html).not.toContain('style=');
  });

  it('numbers outline headings and reports them for the table of contents', () => {
    const { html, headings } = renderMarkdown('## 一、总体要求\n\n### （一）基本原则\n\n## 二、主要任务\n\n## 会议交流\n\n## 会议交流');
    expect(headings.map((h) => h.slug)).toEqual(['sec-1', 'sec-1-1', 'sec-2', 'huiyi-jiaoliu', 'huiyi-jiaoliu-2']);
    expect(headings[1]).toEqual({ depth: 3, slug: 'sec-1-1', text: '（一）基本原则' });
    expect(html).toContain('<h2 id="sec-1">一、总体要求</h2>');
  });

  it('sends what it would render differently to unified', () => {
    for (const markdown of ['![会场](media/a.jpg)', '见注释[^1]', '```js\nx\n```', '    缩进的代码', '详见 www.npc.gov.cn', '1~3 月']) {
      expect(needsUnified(markdown), markdown).toBe(true);
    }
    for (const markdown of ['**“三维问题”**和', '| a | b |\n| - | - |\n| 1 | 2 |', '见 https://www.npc.gov.cn/', '~~删去~~']) {
      expect(needsUnified(markdown), markdown).toBe(false);
    }
  });

  it('gives the same HTML and headings as unified for every fixture and demo document it renders', async () => {
    const files = [...markdownFiles(fixturesDir), ...markdownFiles(path.join(projectRoot, 'content'))];
    let compared = 0;
    for (const file of files) {
      // The archive reader decodes with TextDecoder, which drops a byte-order mark; so does this.
      const { body } = splitFrontmatter(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      if (needsUnified(body)) continue;
      const { slow, fast, slowHeadings, fastHeadings } = await both(body);
      expect(fast, file).toBe(slow);
      expect(fastHeadings, file).toEqual(slowHeadings);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('gives the same HTML as unified for the Markdown Chinese documents use', async () => {
    const cases = [
      '> 引用一段\n> 第二行\n\n- 一是\n- 二是\n\n1. 第一\n2. 第二',
      '第一行  \n第二行\\\n第三行',
      '~~删除~~ 以及 <span class="x">原样</span>',
      '<div>\n块级 HTML\n</div>\n\n段落',
      '[链接](https://example.com "标题") 与 <https://example.com> 和 a@b.com',
      '***\n\n---\n\n* * *',
      '**“三维问题”**和*强调*与_下划线_',
      '| 方面 | 要点 |\n| :---: | --- |\n| 一 | 二 |',
    ];
    for (const markdown of cases) {
      const { slow, fast } = await both(markdown);
      expect(fast, markdown).toBe(slow);
    }
  });
});
