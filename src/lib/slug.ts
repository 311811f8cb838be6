import { pinyin } from 'pinyin-pro';

/** The form every id takes: lower-case ASCII letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Pinyin syllables (and ASCII words) of a text, lower-case, without tones or punctuation. */
export function toSyllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((piece) => piece.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
}

/**
 * A readable ASCII id from Chinese text: the full pinyin of short texts
 * (`会议现场` → `huiyi-xianchang`), the initials of long ones, cut at `maxLength`.
 * Syllables are paired so that two-character words read as words.
 */
export function textToSlug(text: string, maxLength = 48): string {
  const syllables = toSyllables(text);
  const joined = pairSyllables(syllables).join('-');
  const slug = joined.length <= maxLength ? joined : initials(syllables).slice(0, maxLength);
  return slug.replace(/-+$/, '');
}

function pairSyllables(syllables: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < syllables.length; i += 2) {
    const [a, b] = [syllables[i], syllables[i + 1]];
    // Digits and Latin words stand alone so `2024` does not fuse with a syllable.
    if (b === undefined || /\d/.test(a + b) || a.length > 6 || b.length > 6) {
      words.push(a);
      i -= b === undefined ? 0 : 1;
    } else {
      words.push(a + b);
    }
  }
  return words;
}

function initials(syllables: string[]): string {
  return syllables.map((s) => (/^\d+$/.test(s) ? `-${s}-` : s[0])).join('').replace(/-{2,}/g, '-').replace(/^-/, '');
}

/** The id of a person from their name: family name, hyphen, given name (`吴文毅` → `wu-wenyi`). */
export function personIdFromName(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  if (syllables.length === 0) return 'person';
  const [family, ...given] = syllables;
  return given.length > 0 ? `${family}-${given.join('')}` : family;
}

/** `base`, or `base-2`, `base-3` … whichever `taken` does not hold yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
