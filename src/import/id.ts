/**
 * Document ids from titles: readable ASCII (pinyin, a word per hyphen) that fits
 * in a URL, unique in the course. Built on src/lib/slug.ts.
 */
import { isValidId, textToSlug, toSyllables } from '../lib/slug.ts';
import type { DocumentKind } from '../schemas/document.ts';
import { shadow } from './simplified.ts';

/** Ids longer than this read badly in a URL; longer titles are cut at a word. */
const READABLE = 40;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Characters that end a word rather than start one: 开班+式, 培训+班, 票决+制. */
const SUFFIXES = new Set('式班会制法性化者员长组处室部局委厅院校县区市省镇乡村稿课讲团队届期'.split(''));
/** Words that carry no meaning in an id: 的, 和, 与 … are left out (zhidu-lishi, not zhidude-lishi). */
const FUNCTION_WORDS = new Set(['的', '和', '与', '及', '之', '了', '着', '在', '上', '为', '啦', '吗', '呢', '吧', '啊', '呀']);
const FALLBACK: Record<DocumentKind, string> = { speech: 'jianghua', lecture: 'jianggao', writeup: 'ceji' };

export interface IdSource {
  title?: string;
  kind: DocumentKind;
  subtitle?: string;
  /** 开班式 …: a speech at an occasion gets an id like kaibanshi-jianghua. */
  occasion?: string;
  /** The name of the imported file, used when the title gives nothing. */
  fileName?: string;
}

/**
 * The id a document would like to have: `kaibanshi-jianghua` for a speech at an
 * opening ceremony, the pinyin of the title's words, cut at a word when long, the
 * file name when there is no title.
 */
export function proposeId(source: IdSource): string {
  const title = source.title ? shadow(source.title).replace(/[^\p{L}\p{N}]+/gu, '') : '';
  const subtitle = source.subtitle ? shadow(source.subtitle).replace(/[^\p{L}\p{N}]+/gu, '') : '';
  // 在全县…开班式上的讲话: the occasion and the word say it all (kaibanshi-jianghua);
  // without an occasion, what stands between 在 and 上的 (quanshi-…-peixunban-zhici).
  const speech = source.kind === 'speech' ? [title, subtitle].map((t) => /在(.+)上的(讲话|致辞|发言)$/u.exec(t)).find(Boolean) : undefined;
  if (speech) {
    const text = source.occasion ? shadow(source.occasion) + speech[2] : speech[1] + speech[2];
    const id = wordsToSlug(words(text));
    if (id !== '' && id.length <= READABLE) return id;
  }
  if (source.title && /^[\x20-\x7e]+$/.test(source.title)) {
    const ascii = asciiSlug(source.title);
    if (isValidId(ascii)) return ascii;
  }
  if (title !== '') {
    const all = words(title);
    const whole = wordsToSlug(all);
    if (whole !== '' && whole.length <= READABLE) return whole;
    const kept: string[] = [];
    for (const word of all) {
      if (kept.length > 0 && wordsToSlug([...kept, word]).length > READABLE) break;
      kept.push(word);
    }
    const cut = wordsToSlug(kept);
    if (cut !== '' && cut.length <= READABLE + 12) return cut;
    const initials = textToSlug(title, READABLE);
    if (isValidId(initials)) return initials;
  }
  const stem = source.fileName?.replace(/\.[^.]+$/, '') ?? '';
  const fromFile = /^[\x20-\x7e]+$/.test(stem) ? asciiSlug(stem) : textToSlug(shadow(stem), READABLE);
  return isValidId(fromFile) ? fromFile : FALLBACK[source.kind];
}

/**
 * The words of a text, as the ICU dictionary segments it, with the single
 * characters it leaves put back together: a suffix joins the word before it
 * (开班/式 → 开班式), two singles make a word (侧/记 → 侧记).
 */
export function words(text: string): string[] {
  const segments = [...segmenter.segment(text)].map((s) => s.segment).filter((s) => /[\p{L}\p{N}]/u.test(s));
  const out: string[] = [];
  const isSingle = (segment: string | undefined) => segment !== undefined && Array.from(segment).length === 1 && /\p{Script=Han}/u.test(segment) && !FUNCTION_WORDS.has(segment);
  /** A function word left out stands between words: nothing joins across it. */
  let boundary = true;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (FUNCTION_WORDS.has(segment)) {
      boundary = true;
      continue;
    }
    const previous = boundary ? undefined : out.at(-1);
    boundary = false;
    if (!isSingle(segment)) {
      out.push(segment);
      continue;
    }
    const joinable = previous !== undefined && /\p{Script=Han}$/u.test(previous);
    if (SUFFIXES.has(segment) && joinable && Array.from(previous).length <= 3) {
      out[out.length - 1] = previous + segment;
    } else if (isSingle(segments[i + 1])) {
      out.push(segment + segments[i + 1]);
      i++;
    } else if (joinable && Array.from(previous).length <= 2) {
      out[out.length - 1] = previous + segment;
    } else {
      out.push(segment);
    }
  }
  return out;
}

/** `Report 2019` → `report-2019`. */
function asciiSlug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, READABLE).replace(/-+$/, '');
}

/** 开班式, 讲话 → kaibanshi-jianghua. */
function wordsToSlug(list: string[]): string {
  return list
    .map((word) => toSyllables(word).join(''))
    .filter(Boolean)
    .join('-')
    .replace(/-{2,}/g, '-');
}
