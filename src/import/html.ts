/**
 * A saved web page (or the HTML mammoth makes of a .docx) as lines of text, with
 * the article found and everything around it marked `outside`: navigation,
 * breadcrumbs, sidebars, footers. The page's meta tags give hints for the title,
 * the date and the source.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { hanCount, normaliseWhitespace } from './normalize.ts';
import type { ImportOptions, SourceLine } from './types.ts';

const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'select', 'option',
  'button', 'input', 'textarea', 'map', 'area', 'audio', 'video', 'source', 'track', 'link', 'meta', 'base', 'title', 'head',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'caption', 'tt',
]);
/** Class and id words of article containers in the CMSs government sites use (TRS, 大汉, 博达 …). */
const CONTENT_HINT = /(^|[\s_-])(trs_editor|zoom|article|content|detail|wzcon|con_text|pages_content|main-txt|news_content|newscontent|text|conTxt|contentText|v_news_content|art_con|arti|bt_content|xl_con|info_content|zw|view)([\s_-]|$)/i;
const NAV_HINT = /(^|[\s_-])(nav|menu|header|footer|breadcrumb|position|location|crumb|sidebar|side|share|tools|related|links|copyright|banner|topbar|bottom)([\s_-]|$)/i;
const ICON = /(icon|logo|share|qr|ewm|erweima|weixin|wechat|weibo|print|close|arrow|btn|button|banner|spacer|blank|dot)/i;

interface RawLine {
  text: string;
  linkChars: number;
  line: number;
  ancestors: Element[];
  heading?: number;
  image?: { name?: string; index?: number };
}

export interface HtmlPage {
  lines: SourceLine[];
  hints: NonNullable<ImportOptions['hints']>;
}

/** The charset a page declares in `<meta charset>` or `http-equiv`, read from its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return match?.[1];
}

/**
 * Lines of a page. `wholeDocument` (a .docx) keeps everything as article;
 * otherwise the element with the most running text and the fewest links is the
 * article, and lines outside it are marked.
 */
export function htmlToLines(html: string, options: { wholeDocument?: boolean } = {}): HtmlPage {
  const tree = fromHtml(html);
  const raw = collectLines(tree);
  const hints = options.wholeDocument ? {} : pageHints(tree);
  // A .docx becomes one line of HTML: number its paragraphs instead.
  if (options.wholeDocument) return { lines: raw.map((line, i) => ({ ...toSourceLine(line), line: i + 1 })), hints };

  const article = findArticle(raw);
  const inside = raw.map((line) => (article ? line.ancestors.includes(article) : true) && !isLinkLine(line));
  const first = inside.indexOf(true);
  const last = inside.lastIndexOf(true);
  const lines: SourceLine[] = [];
  raw.forEach((line, i) => {
    if (!inside[i] && line.image) return;
    const source = toSourceLine(line);
    if (!inside[i]) {
      source.outside = true;
      source.nearArticle = first !== -1 && ((i < first && first - i <= 8) || (i > last && i - last <= 6));
    }
    lines.push(source);
  });
  const title = chooseTitle(raw, inside, hints.title, first);
  return { lines, hints: { ...hints, title } };
}

function toSourceLine(line: RawLine): SourceLine {
  const source: SourceLine = { line: line.line, text: line.text };
  if (line.heading !== undefined) source.heading = line.heading;
  if (line.image) source.image = line.image;
  return source;
}

function collectLines(tree: Root): RawLine[] {
  const lines: RawLine[] = [];
  let current: RawLine | undefined;
  const flush = () => {
    if (current && current.text.trim() !== '') {
      current.text = normaliseWhitespace(current.text).replace(/[ \t\n]+/g, ' ').trim();
      if (current.text !== '') lines.push(current);
    }
    current = undefined;
  };
  const walk = (node: Nodes, ancestors: Element[], inLink: boolean, heading: number | undefined) => {
    if (node.type === 'text') {
      if (!current) current = { text: '', linkChars: 0, line: node.position?.start.line ?? 1, ancestors, heading };
      current.text += node.value;
      if (inLink) current.linkChars += node.value.trim().length;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'root') {
      for (const child of node.children) walk(child, ancestors, inLink, heading);
      flush();
      return;
    }
    const tag = node.tagName;
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'img') {
      const image = imageOf(node);
      if (image) {
        flush();
        lines.push({ text: '', linkChars: 0, line: node.position?.start.line ?? 1, ancestors, image });
      }
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    const level = /^h([1-6])$/.exec(tag);
    const within = [...ancestors, node];
    for (const child of node.children) walk(child as Nodes, within, inLink || tag === 'a', level ? Number(level[1]) : heading);
    if (block) flush();
  };
  walk(tree, [], false, undefined);
  return lines;
}

/** A photo of the article; icons, logos and spacers are not. mammoth's images carry their index. */
function imageOf(node: Element): RawLine['image'] | undefined {
  const src = String(node.properties.src ?? '');
  const docx = /^lectern-image:(\d+)$/.exec(src);
  if (docx) return { index: Number(docx[1]) };
  if (src === '' || ICON.test(src) || /\.gif($|\?)/i.test(src)) return undefined;
  const name = decodeURIComponentSafe(src.split(/[?#]/)[0].split('/').pop() ?? '');
  return name === '' ? undefined : { name };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Lines that are mostly links: menus, lists of other articles. */
function isLinkLine(line: RawLine): boolean {
  return line.text.length > 0 && line.linkChars / line.text.length > 0.6;
}

/**
 * The element holding the article: per element, the Han characters of its
 * non-link lines minus its link characters, with a bonus for the class names of
 * content containers and a malus for those of navigation.
 */
function findArticle(lines: RawLine[]): Element | undefined {
  const scores = new Map<Element, number>();
  for (const line of lines) {
    const text = isLinkLine(line) ? 0 : hanCount(line.text);
    for (const element of line.ancestors) scores.set(element, (scores.get(element) ?? 0) + text - line.linkChars);
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [element, raw] of scores) {
    const names = `${String(element.properties.id ?? '')} ${classNames(element)}`;
    let score = raw;
    if (CONTENT_HINT.test(names)) score *= 1.25;
    if (NAV_HINT.test(names)) score *= 0.5;
    if (element.tagName === 'article' || element.tagName === 'main') score *= 1.1;
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

function classNames(element: Element): string {
  const value = element.properties.className;
  return Array.isArray(value) ? value.join(' ') : String(value ?? '');
}

/** ArticleTitle, og:title, PubDate, ContentSource, og:url: what government CMSs put in <head>. */
function pageHints(tree: Root): HtmlPage['hints'] {
  const meta = new Map<string, string>();
  let titleText: string | undefined;
  let canonical: string | undefined;
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      if (node.tagName === 'meta') {
        const key = String(node.properties.name ?? node.properties.property ?? '').toLowerCase();
        const content = String(node.properties.content ?? '').trim();
        if (key && content) meta.set(key, content);
      } else if (node.tagName === 'title') {
        titleText = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('').trim();
      } else if (node.tagName === 'link' && String(node.properties.rel ?? '').includes('canonical')) {
        canonical = String(node.properties.href ?? '');
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  const title = meta.get('articletitle') ?? meta.get('og:title') ?? (titleText ? cleanPageTitle(titleText) : undefined);
  const date = meta.get('pubdate') ?? meta.get('publishdate') ?? meta.get('article:published_time') ?? meta.get('firstpublishedtime');
  const source = meta.get('contentsource') ?? meta.get('source');
  const url = meta.get('og:url') ?? meta.get('url') ?? canonical;
  const hints: HtmlPage['hints'] = {};
  if (title) hints.title = normaliseWhitespace(title).trim();
  if (date) hints.date = date;
  if (source) hints.source = source;
  if (url && /^https?:\/\//.test(url)) hints.sourceUrl = url;
  return hints;
}

/** `信阳人大：… - 河南人大网` → the part before the site's name. */
function cleanPageTitle(title: string): string {
  const parts = title.split(/\s+[-_|｜]\s+|_/);
  return parts[0].trim();
}

/**
 * The title: a heading line near the start of the article that the page title
 * (or meta) contains, else the first h1 near it, else the hint itself.
 */
function chooseTitle(raw: RawLine[], inside: boolean[], hint: string | undefined, first: number): string | undefined {
  const key = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, '');
  const near = raw
    .map((line, i) => ({ line, i }))
    .filter(({ line, i }) => line.heading !== undefined && line.heading <= 3 && line.text !== '' && Math.abs(i - first) <= 12 && (inside[i] || i < first));
  if (hint) {
    const matching = near.find(({ line }) => key(hint).includes(key(line.text)) && key(line.text).length >= 4);
    return matching ? matching.line.text : hint;
  }
  return near.find(({ line }) => line.heading === 1)?.line.text ?? near[0]?.line.text;
}
