import { parseOutlineNumber } from '../lib/outline.ts';
import { textToSlug, uniqueId } from '../lib/slug.ts';

/**
 * Gives headings ASCII ids that stay the same while the heading does. Outline headings
 * are numbered by their place in the outline (一、 → `sec-1`, its （二） → `sec-1-2`),
 * so fixing a typo in a heading does not break links to it; other headings get their
 * pinyin (`huiyi-jiaoliu`). One allocator per document; used by both Markdown renderers.
 */
export class HeadingIds {
  private readonly taken = new Set<string>();
  private readonly outline: number[] = [];
  private index = 0;

  /** The id of the next heading, or `existing` when the author set one (which is then reserved). */
  next(text: string, existing?: string): string {
    this.index++;
    if (existing) {
      this.taken.add(existing);
      return existing;
    }
    const number = parseOutlineNumber(text);
    let base: string;
    if (number && number.level <= 2) {
      this.outline.length = number.level - 1;
      while (this.outline.length < number.level - 1) this.outline.push(0);
      this.outline[number.level - 1] = number.number;
      base = `sec-${this.outline.join('-')}`;
    } else {
      base = textToSlug(text, 32) || `h-${this.index}`;
    }
    const id = uniqueId(base, this.taken);
    this.taken.add(id);
    return id;
  }
}
