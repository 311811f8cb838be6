import type { Element, Properties, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';

/**
 * Untrusted HTML — raw HTML inside a `.md` document, HTML and `.docx` content
 * brought in by `lectern import` — goes through this one allow-list before it
 * reaches a page. What it lets through is GitHub's list (hast-util-sanitize's
 * `defaultSchema`) plus a few harmless elements that official documents use;
 * everything else is removed or unwrapped:
 *
 * - no `<script>`, `<style>`, `<template>`, `<noscript>`, `<object>`, `<embed>`,
 *   `<form>`, `<svg>` or `<math>` (the last two are unwrapped, their text kept);
 * - no `on*=` event handlers, no `style=`, no classes but the few GFM needs;
 * - links only to http(s), mailto and tel; no `javascript:` or `data:` URLs,
 *   except `data:image/…` in `<img src>`;
 * - `<iframe>` only from the hosts the site allows (`allowIframes` in site.yaml);
 * - `id` and `name` get the prefix `user-content-`, so a document cannot
 *   clobber the globals of the site's own scripts; links to them follow.
 *
 * `.mdx` documents are not sanitised: MDX is code, for trusted authors only.
 */

export interface UntrustedHtmlOptions {
  /** Host names whose pages may be embedded with `<iframe>`, e.g. `v.example.gov.cn`. */
  allowIframes?: readonly string[];
}

export const CLOBBER_PREFIX = 'user-content-';

/** Elements official documents use that GitHub's list lacks; none runs code or loads anything. */
const EXTRA_TAGS = ['figure', 'figcaption', 'caption', 'colgroup', 'col', 'mark', 'abbr', 'cite', 'u', 'small', 'time'];

/** Removed with their content: unwrapping these would show code or CSS as text. */
const STRIP_WITH_CONTENT = ['script', 'style', 'template', 'noscript', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'object'];

const FORM_ATTRIBUTES = new Set(['action', 'method', 'encType', 'acceptCharset', 'accept']);

/** Images inlined as data: URLs (pasted screenshots); in `<img>` they cannot run code, even SVG. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i;

/** The allow-list as a hast-util-sanitize schema, for any unified pipeline (the importer uses it too). */
export function sanitizeSchema(options: UntrustedHtmlOptions = {}): Schema {
  const iframes = (options.allowIframes ?? []).length > 0;
  const base = defaultSchema;
  return {
    ...base,
    tagNames: [...(base.tagNames ?? []), ...EXTRA_TAGS, ...(iframes ? ['iframe'] : [])],
    attributes: {
      ...base.attributes,
      // Form attributes are inert without <form>, but `action` takes any URL, javascript: included.
      '*': (base.attributes?.['*'] ?? []).filter((name) => !FORM_ATTRIBUTES.has(String(name))),
      ...(iframes ? { iframe: ['src', 'title', 'width', 'height', 'allowFullScreen', 'loading'] } : {}),
    },
    protocols: {
      ...base.protocols,
      href: [...(base.protocols?.href ?? []), 'tel'],
      // `data` is narrowed to images in <img> by `restrictUrls` below: the schema
      // cannot tell one element's `src` from another's.
      src: ['http', 'https', 'data'],
      // Each candidate of a srcset is a URL; none may be javascript:.
      srcSet: ['http', 'https'],
    },
    clobberPrefix: CLOBBER_PREFIX,
    strip: STRIP_WITH_CONTENT.filter((tag) => !(iframes && tag === 'iframe')),
  };
}

/**
 * The rehype plugin: parses raw HTML into elements (Astro would do it only after
 * every plugin has run), keeps what `sanitizeSchema` allows, narrows `data:` and
 * `<iframe>` URLs, and keeps in-document links working despite the id prefix.
 * Place it before any plugin that adds ids or classes of its own (heading ids).
 */
export function rehypeUntrustedHtml(options: UntrustedHtmlOptions = {}) {
  const parseRaw = rehypeRaw();
  const sanitize = rehypeSanitize(sanitizeSchema(options));
  const hosts = new Set((options.allowIframes ?? []).map((host) => host.toLowerCase()));
  return (tree: Root, file: Parameters<typeof parseRaw>[1]): Root => {
    const parsed = parseRaw(tree, file);
    dropFormFields(parsed);
    const clean = sanitize(parsed);
    restrictUrls(clean, hosts);
    unwrapDeadLinks(clean);
    followClobberedIds(clean);
    return clean;
  };
}

/**
 * The schema keeps `<input>` for GFM task lists and turns any other into a
 * disabled checkbox; a search box copied from a web page should go instead.
 */
function dropFormFields(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'input' || node.properties.type === 'checkbox' || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
}

/** `data:` only for images in `<img>`; `<iframe>` only over http(s) from an allowed host. */
function restrictUrls(tree: Root, iframeHosts: ReadonlySet<string>): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const src = node.properties.src;
    if (typeof src === 'string' && /^\s*data:/i.test(src) && !(node.tagName === 'img' && DATA_IMAGE.test(src.trim()))) {
      delete node.properties.src;
    }
    if (node.tagName === 'iframe' && parent && index !== undefined && !allowedFrame(node.properties.src, iframeHosts)) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

/** A link whose URL was removed (`javascript:`…) is left as its text, not as a link to nowhere. */
function unwrapDeadLinks(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const { href, id, name } = node.properties;
    if (node.tagName !== 'a' || href !== undefined || id !== undefined || name !== undefined || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1, ...node.children);
    return index;
  });
}

function allowedFrame(src: Properties[string], hosts: ReadonlySet<string>): boolean {
  if (typeof src !== 'string') return false;
  try {
    const url = new URL(src);
    return (url.protocol === 'https:' || url.protocol === 'http:') && hosts.has(url.hostname.toLowerCase());
  } catch {
    return false;
  }
}

/**
 * Ids and names written in the document now carry `CLOBBER_PREFIX`; a link
 * `#note` to one of them is pointed at `#user-content-note`. Ids that had the
 * prefix already (remark's footnotes) are not prefixed twice.
 */
function followClobberedIds(tree: Root): void {
  const twice = CLOBBER_PREFIX + CLOBBER_PREFIX;
  const once = (value: string | number) => (typeof value === 'string' && value.startsWith(twice) ? value.slice(CLOBBER_PREFIX.length) : value);
  const targets = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    for (const key of ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy']) {
      const value = node.properties[key];
      if (typeof value === 'string') node.properties[key] = once(value);
      else if (Array.isArray(value)) node.properties[key] = value.map(once);
    }
    for (const key of ['id', 'name']) {
      const value = node.properties[key];
      if (typeof value === 'string') targets.add(value);
    }
  });
  visit(tree, 'element', (node: Element) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    let fragment: string;
    try {
      fragment = decodeURIComponent(href.slice(1));
    } catch {
      return;
    }
    if (!targets.has(fragment) && targets.has(CLOBBER_PREFIX + fragment)) node.properties.href = `#${CLOBBER_PREFIX}${fragment}`;
  });
}
