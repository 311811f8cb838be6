import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { HeadingIds } from './heading-ids.ts';

const HEADING = /^h[1-6]$/;

/** Gives every heading an ASCII id (see HeadingIds); ids already set are kept. */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const ids = new HeadingIds();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName)) return;
      const existing = typeof node.properties.id === 'string' && node.properties.id !== '' ? node.properties.id : undefined;
      node.properties.id = ids.next(toString(node), existing);
    });
  };
}
