/**
 * The tokens of a built page as an HTML rewriter sees them: start tags with
 * their attributes (character references decoded), end tags and text (as
 * written: references are decoded later, with the rest of the text). Enough for
 * the well-formed pages Astro writes; the content of <script>, <style>,
 * <textarea> and <title> is text up to its end tag.
 */

export type HtmlToken =
  | { type: 'start'; name: string; attributes: Map<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string }
  | { type: 'text'; text: string };

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** A tag name, read in place (sticky), of at most 64 characters. */
const TAG_NAME = /[a-zA-Z][^\s/>]{0,63}/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

/** The page's tokens in order (a list, not a generator: a page has thousands, and the reader takes them all). */
export function htmlTokens(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let i = 0;
  let textFrom = 0;
  const text = (to: number) => {
    if (to > textFrom) tokens.push({ type: 'text', text: html.slice(textFrom, to) });
  };
  const tagName = (from: number): string | undefined => {
    TAG_NAME.lastIndex = from;
    return TAG_NAME.exec(html)?.[0];
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */ && html.startsWith('<!--', lt)) {
      text(lt);
      const end = html.indexOf('-->', lt + 4);
      i = textFrom = end < 0 ? html.length : end + 3;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      text(lt);
      const end = html.indexOf('>', lt);
      i = textFrom = end < 0 ? html.length : end + 1;
      continue;
    }
    if (next === 0x2f /* / */) {
      const name = tagName(lt + 2);
      if (!name) {
        i = lt + 1;
        continue;
      }
      text(lt);
      const end = html.indexOf('>', lt);
      tokens.push({ type: 'end', name: name.toLowerCase() });
      i = textFrom = end < 0 ? html.length : end + 1;
      continue;
    }
    const name = tagName(lt + 1);
    if (!name) {
      i = lt + 1;
      continue;
    }
    text(lt);
    const { attributes, end, selfClosing } = readAttributes(html, lt + 1 + name.length);
    const lower = name.toLowerCase();
    tokens.push({ type: 'start', name: lower, attributes, selfClosing });
    i = textFrom = end;
    if (RAW_TEXT.has(lower) && !selfClosing) {
      const close = new RegExp(`</${lower}[\\s/>]`, 'ig');
      close.lastIndex = i;
      const found = close.exec(html);
      const stop = found ? found.index : html.length;
      if (stop > i) tokens.push({ type: 'text', text: html.slice(i, stop) });
      i = textFrom = stop;
    }
  }
  text(html.length);
  return tokens;
}

function readAttributes(html: string, from: number): { attributes: Map<string, string>; end: number; selfClosing: boolean } {
  const attributes = new Map<string, string>();
  let i = from;
  for (;;) {
    while (i < html.length && /[\s/]/.test(html[i]) && !(html[i] === '/' && html[i + 1] === '>')) i++;
    if (i >= html.length) return { attributes, end: html.length, selfClosing: false };
    if (html[i] === '>') return { attributes, end: i + 1, selfClosing: false };
    if (html[i] === '/' && html[i + 1] === '>') return { attributes, end: i + 2, selfClosing: true };
    ATTRIBUTE.lastIndex = i;
    const match = ATTRIBUTE.exec(html);
    if (!match) {
      i++;
      continue;
    }
    const key = match[1].toLowerCase();
    // The first of two attributes of the same name counts, as in the browser.
    if (!attributes.has(key)) attributes.set(key, decodeReferences(match[2] ?? match[3] ?? match[4] ?? ''));
    i = ATTRIBUTE.lastIndex;
  }
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references (numeric, and the named ones Astro and Markdown renderers write) decoded. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}
