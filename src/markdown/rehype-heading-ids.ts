import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseOutlineNumber } from '../lib/outline.ts';
import { textToSlug, uniqueId } from '../lib/slug.ts';

const HEADING = /^h[1-6]$/;

/**
 * Gives every heading an ASCII id that stays the same while the heading does.
 * Outline headings are numbered by their place in the outline (一、 → `sec-1`,
 * its （二） → `sec-1-2`), so fixing a typo in a heading does not break links to
 * it; other headings get their pinyin (`huiyi-jiaoliu`). Ids already set are kept.
 */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const taken = new Set<string>();
    const outline: number[] = [];
    let index = 0;
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName)) return;
      index++;
      if (typeof node.properties.id === 'string' && node.properties.id !== '') {
        taken.add(node.properties.id);
        return;
      }
      const text = toString(node);
      const number = parseOutlineNumber(text);
      let base: string;
      if (number && number.level <= 2) {
        outline.length = number.level - 1;
        while (outline.length < number.level - 1) outline.push(0);
        outline[number.level - 1] = number.number;
        base = `sec-${outline.join('-')}`;
      } else {
        base = textToSlug(text, 32) || `h-${index}`;
      }
      const id = uniqueId(base, taken);
      taken.add(id);
      node.properties.id = id;
    });
  };
}
