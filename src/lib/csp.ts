import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of a built page, as a `<meta http-equiv>` tag
 * (docs/security.md). Pure functions over the HTML text, so that whatever
 * scripts the site gains, the policy allows exactly the inline ones it finds.
 */

export interface CspOptions {
  /** Hosts pages may embed with `<iframe>` (site.yaml `allowIframes`). */
  frameSrc?: readonly string[];
}

/** The text of an inline `<script>` or `<style>`, exactly as the browser hashes it. */
export interface InlineBlock {
  tag: 'script' | 'style';
  text: string;
}

export interface PageScan {
  blocks: InlineBlock[];
  /** Markup the policy blocks and no hash can allow here: `style="…"`, `onclick="…"`, `javascript:` links. */
  blocked: string[];
  /** Where the meta tag goes: after `<meta charset>` when that opens `<head>`, else right after `<head>`. */
  insertAt: number;
  /** Existing CSP meta tags, [start, end) — replaced, so that running twice changes nothing. */
  existing: [number, number][];
}

/**
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine; it
 * allows WebAssembly only, not `eval()` or `new Function()` ('unsafe-eval').
 * The browser test in tests/hardening/csp.test.ts shows search failing without it.
 */
const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** The policy for a page with these inline blocks. Directive order and hash order are fixed: same page, same bytes. */
export function contentSecurityPolicy(blocks: readonly InlineBlock[], options: CspOptions = {}): string {
  const hashes = (tag: InlineBlock['tag']) => [...new Set(blocks.filter((b) => b.tag === tag).map((b) => sha256Source(b.text)))].sort();
  const frames = options.frameSrc ?? [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', ...SCRIPT_SOURCES, ...hashes('script')],
    ['style-src', "'self'", ...hashes('style')],
    // data: for images pasted into documents (the sanitiser lets only data:image/… through).
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['media-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ...(frames.length > 0 ? [['frame-src', "'self'", ...[...frames].sort()] as [string, ...string[]]] : []),
    // frame-ancestors, report-uri and sandbox are ignored in a <meta> tag: the server sends them.
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** `'sha256-…'` of a script or style text, as CSP Level 3 defines it (UTF-8, base64). */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The page with its policy as the first thing in `<head>` (after `<meta charset>`), plus what was found. */
export function addCspMeta(html: string, options: CspOptions = {}): { html: string; policy: string; scan: PageScan } {
  return policyInPlace(html, options) ?? addCspMetaByScan(html, options);
}

/**
 * What `addCspMeta` gives for a page that already holds the policy it would get
 * (nearly every page: CspMeta.astro writes it), found without reading the head's
 * tags: the page starts `<!doctype html><html …><head><meta charset="utf-8">`, the
 * policy for no inline code follows, and nothing else in the page could call for a
 * hash, be blocked, or be another policy (`HEAD_NEEDS_SCAN`, `NEEDS_FULL_SCAN`).
 * Undefined when any of that is not so; then the tags are read.
 */
export function policyInPlace(html: string, options: CspOptions = {}): { html: string; policy: string; scan: PageScan } | undefined {
  const start = PAGE_START.exec(html);
  if (!start) return undefined;
  const policy = contentSecurityPolicy([], options);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (!html.startsWith(meta, start[0].length)) return undefined;
  const at = start[0].length;
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd < at + meta.length) return undefined;
  // The head around the policy, whose own text (style-src…) is no attribute.
  const head = html.slice(0, at) + html.slice(at + meta.length, headEnd);
  if (HEAD_NEEDS_SCAN.test(head) || /content-security-policy/i.test(head) || NEEDS_FULL_SCAN.test(html.slice(headEnd))) return undefined;
  return { html, policy, scan: { blocks: [], blocked: [], insertAt: at, existing: [[at, at + meta.length]] } };
}
/** How a page CspMeta.astro has written starts, up to the end of `<meta charset>`, the first tag of its head. */
const PAGE_START = /^<!doctype html>\s*<html\b[^<>"']*(?:"[^"<>]*"[^<>"']*)*>\s*<head>\s*<meta charset="utf-8">/i;
/**
 * Anything in a head that the tags must be read for: an inline script or style, a
 * style or event attribute (or text that looks like one), `javascript`, an entity
 * (which could spell any of those), a comment, a processing instruction.
 */
const HEAD_NEEDS_SCAN = /<script\b(?![^>]*\ssrc\s*=)|<style\b|\sstyle\b|\son|javascript|&#|&colon;|<!--|<\?/i;

/** `addCspMeta` by reading the page's tags, whatever the page holds. */
export function addCspMetaByScan(html: string, options: CspOptions = {}): { html: string; policy: string; scan: PageScan } {
  const scan = scanHead(html) ?? scanPage(html);
  const policy = contentSecurityPolicy(scan.blocks, options);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  let out = html;
  // Remove old tags from the end, so earlier offsets stay right; then insert.
  let insertAt = scan.insertAt;
  for (const [start, end] of [...scan.existing].reverse()) {
    out = out.slice(0, start) + out.slice(end);
    if (start < insertAt) insertAt -= end - start;
  }
  out = out.slice(0, insertAt) + meta + out.slice(insertAt);
  return { html: out, policy, scan };
}

const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/** A start tag of a page, with its attributes (entities decoded) and, for raw-text elements, their text. */
export interface HtmlTag {
  name: string;
  attributes: Map<string, string>;
  start: number;
  end: number;
  /** The content of `<script>`, `<style>`, `<textarea>` and `<title>`, up to their end tag. */
  text?: string;
}

/**
 * The start tags of a page, found the way an HTML tokenizer finds them in
 * well-formed output: comments, doctype and end tags skipped, the content of
 * raw-text elements taken as text. That gives the hashes what they need: the
 * exact characters between `<script …>` and `</script>`. (Script-data escapes
 * like `<!--<script>` inside a script are not modelled; Astro writes none.)
 */
export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?' || html[i + 1] === '/') {
      const end = html.indexOf('>', i);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = i;
    const match = TAG.exec(html);
    if (!match) {
      i++;
      continue;
    }
    const tag: HtmlTag = { name: match[1].toLowerCase(), attributes: parseAttributes(match[2]), start: i, end: TAG.lastIndex };
    i = tag.end;
    if (RAW_TEXT.has(tag.name)) {
      const close = new RegExp(`</${tag.name}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const end = close.exec(html)?.index ?? html.length;
      // The browser hashes the text after newline normalisation (CR LF and CR become LF).
      tag.text = html.slice(i, end).replace(/\r\n?/g, '\n');
      i = end;
    }
    tags.push(tag);
  }
  return tags;
}

/** The inline blocks, the blocked markup and the place for the meta tag, from the page's tags. */
export function scanPage(html: string): PageScan {
  const tags = htmlTags(html);
  const blocks: InlineBlock[] = [];
  const blocked: string[] = [];
  const existing: [number, number][] = [];
  for (const { name, attributes, start, end, text } of tags) {
    if (name === 'meta' && attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') existing.push([start, end]);
    if (name === 'script' && !attributes.has('src')) blocks.push({ tag: 'script', text: text ?? '' });
    if (name === 'style') blocks.push({ tag: 'style', text: text ?? '' });
    for (const [key, value] of attributes) {
      if (key === 'style') blocked.push(`style attribute on <${name}>`);
      else if (key.startsWith('on')) blocked.push(`${key} handler on <${name}>`);
      else if ((key === 'href' || key === 'src' || key === 'action') && /^\s*javascript:/i.test(value)) blocked.push(`javascript: URL in <${name} ${key}>`);
    }
  }
  const head = tags.findIndex((tag) => tag.name === 'head');
  const first = head === -1 ? undefined : tags[head + 1];
  const charset = first && first.name === 'meta' && first.attributes.has('charset') ? first.end : undefined;
  const insertAt = charset ?? (head === -1 ? undefined : tags[head].end) ?? tags.find((tag) => tag.name === 'html')?.end ?? doctypeEnd(html);
  return { blocks, blocked, insertAt, existing };
}

/**
 * Anything that may need the policy's attention outside <head>: an inline script
 * or style, a style or event-handler attribute, `javascript` anywhere, an
 * attribute that could hide a `javascript:` URL behind an entity, a CSP meta tag.
 */
const NEEDS_FULL_SCAN = /<script\b(?![^>]*\ssrc\s*=)|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript|\s(?:href|src|action)\s*=\s*["']?\s*&|content-security-policy/i;

/**
 * `scanPage` for a page whose body holds nothing the policy must weigh (nearly
 * every page): only its <head> is read, which gives the same scan at a fraction
 * of the cost. Undefined when the whole page must be read.
 */
export function scanHead(html: string): PageScan | undefined {
  const headEnd = html.search(/<\/head\s*>/i);
  if (headEnd < 0 || NEEDS_FULL_SCAN.test(html.slice(headEnd))) return undefined;
  return scanPage(html.slice(0, headEnd));
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    // The first of two same-named attributes wins, as in the browser.
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** Enough entity decoding to read `javascript&#58;` as `javascript:`. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => codePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => codePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&amp;/g, '&');
}

function codePoint(value: number): string {
  return value <= 0x10ffff ? String.fromCodePoint(value) : '\ufffd';
}

function doctypeEnd(html: string): number {
  const match = /^\s*<!doctype[^>]*>/i.exec(html);
  return match ? match[0].length : 0;
}
