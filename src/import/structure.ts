/**
 * Headings of the body: numbered ones (第一部分, 一、, （一）) on their own line or
 * run into their paragraph, and short unnumbered lines between paragraphs
 * (精准选课). `一是…二是…` inside a paragraph and salutations stay text.
 */
import { parseOutlineNumber } from '../lib/outline.ts';
import { isChineseName } from './names.ts';

/** 0 for 第一部分/第一讲, 1 for 一、, 2 for （一）; headings are ranked by these. */
export type HeadingRank = 0 | 1 | 2;

export interface NumberedHeading {
  rank: HeadingRank;
  /** The heading as written, marker included. */
  heading: string;
  /** The paragraph text run into the heading, when there was one. */
  rest?: string;
}

/** The longest a heading on its own line can be; longer numbered lines are split or left as text. */
const MAX_HEADING = 48;
const SECTION = /^第[一二三四五六七八九十百〇零两]{1,4}(?:部分|章|节|讲|篇|单元|专题|板块)/u;
const NTH_COLON = /^第[一二三四五六七八九十]{1,3}(?:个)?(?:方面|问题|点|层面|是)?[^，。,：:；;！？]{0,24}[：:]/u;
const GLUED_ENUMERATION = /(一是|一要|一方面|首先[，,]|第一[，,])/u;

/** The rank of a numbered heading form a line starts with, if any. */
export function headingRank(simplified: string): HeadingRank | undefined {
  const text = simplified.trim();
  if (SECTION.test(text) || NTH_COLON.test(text)) return 0;
  const outline = parseOutlineNumber(text);
  if (!outline || outline.rest === '') return undefined;
  if (outline.level === 1) return 1;
  if (outline.level === 2) return 2;
  return undefined;
}

/**
 * A numbered heading: the whole line when it is short, else the heading part
 * of a heading run into its paragraph (split before a glued 一是, after the first
 * sentence, or after a colon). `undefined` for lines that are not headings.
 */
export function matchNumberedHeading(original: string, simplified: string = original): NumberedHeading | undefined {
  const text = original.trim();
  const s = simplified.trim();
  const rank = headingRank(s);
  if (rank === undefined) return undefined;
  const marker = markerLength(s);
  // 一、…必要性一是…: the enumeration of the paragraph starts right after the heading.
  const glued = GLUED_ENUMERATION.exec(s.slice(marker + 4));
  if (glued) {
    const at = marker + 4 + glued.index;
    if (!/[。！？；;!?]/u.test(s.slice(0, at)) && at <= 90 && s.length - at >= 6) return split(text, at, rank);
  }
  if (text.length <= MAX_HEADING && !/[。！？；;!?]./u.test(s)) return { rank, heading: text };
  const sentence = /[。！？!?]/u.exec(s);
  if (sentence && sentence.index + 1 <= MAX_HEADING) return split(text, sentence.index + 1, rank);
  const colon = /[：:]/u.exec(s.slice(marker));
  if (colon && marker + colon.index + 1 <= MAX_HEADING) return split(text, marker + colon.index + 1, rank);
  return undefined;
}

function split(text: string, at: number, rank: HeadingRank): NumberedHeading | undefined {
  const heading = text.slice(0, at).trim();
  const rest = text.slice(at).trim();
  return { rank, heading, rest: rest === '' ? undefined : rest };
}

function markerLength(simplified: string): number {
  const section = SECTION.exec(simplified);
  if (section) return section[0].length;
  const outline = parseOutlineNumber(simplified);
  return outline ? simplified.length - outline.rest.length : 0;
}

/** Salutations open a speech and stay text: 同志们：, 各位代表、同志们：, 尊敬的…： */
export function isSalutation(simplified: string): boolean {
  const text = simplified.trim();
  return /[：:]$/.test(text) && text.length <= 40 && /(同志们|代表们|朋友们|同学们|学员们|各位|尊敬的|女士们|先生们|大家好)/u.test(text);
}

/**
 * A short line that can be an unnumbered section heading (精准选课, 学思践悟、知行合一):
 * 2–20 characters, mostly Han, no sentence punctuation, not a name, date or salutation.
 * Whether it is one also depends on its neighbours (see the importer).
 */
export function isBareHeadingText(simplified: string): boolean {
  const text = simplified.trim();
  const chars = Array.from(text);
  if (chars.length < 2 || chars.length > 20) return false;
  if (/[。，；：！？,.;:!?…（）()【】[\]<>—]/u.test(text)) return false;
  if (/^[“"]/.test(text) || /\d{4}/.test(text)) return false;
  const han = chars.filter((c) => /[\u4e00-\u9fff]/u.test(c)).length;
  if (han < chars.length * 0.7) return false;
  if (isChineseName(text) || isSalutation(`${text}：`)) return false;
  return !/^(谢谢|谢谢大家|完|全文完|（完）|附件|附|注)$/.test(text);
}
