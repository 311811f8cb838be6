import jschardet from 'jschardet';
import { COMMON_HANZI } from './common-hanzi.ts';
import { shadow } from './simplified.ts';

/** The encodings an imported text file may be in, as TextDecoder labels. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | (string & {});

export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  /** 0–1: how sure the detection is; 1 for a BOM or valid UTF-8. */
  confidence: number;
  /** Whether the file started with a byte-order mark. */
  bom: boolean;
}

/** Below this the guess is reported to the editor as a warning. */
export const CONFIDENT = 0.8;

const CANDIDATES: TextEncodingName[] = ['gb18030', 'big5', 'utf-16le', 'utf-16be'];

/**
 * Decodes a text file whose encoding nobody wrote down.
 *
 * A BOM decides; otherwise valid UTF-8 is UTF-8. Anything else is decoded as
 * GB18030 (a superset of GB2312 and GBK), Big5 and both UTF-16s, and each result
 * is scored by how much of it is common Chinese: a right decoding has about half its
 * characters among the 500 most frequent ones, a wrong one almost none. jschardet
 * is asked only when no Chinese decoding is plausible. `declared` (a charset from an
 * HTML page) is believed when it decodes cleanly.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), encoding: bom.encoding, confidence: 1, bom: true };
  }
  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', confidence: 1, bom: false };

  const declaredLabel = declared && canonicalLabel(declared);
  if (declaredLabel && declaredLabel !== 'utf-8') {
    const text = tryDecode(declaredLabel, bytes, true);
    if (text !== undefined) return { text, encoding: declaredLabel, confidence: 0.95, bom: false };
  }

  const scored = CANDIDATES.map((encoding) => {
    const text = tryDecode(encoding, bytes, false) ?? '';
    return { encoding, text, score: chineseScore(text) };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (best.score >= 0.15) {
    const margin = second.score === 0 ? 1 : Math.min(1, (best.score - second.score) / best.score);
    const sample = Math.min(1, countNonAscii(best.text) / 20);
    return { text: best.text, encoding: best.encoding, confidence: round(Math.min(1, best.score * 2) * margin * 0.5 + sample * 0.5), bom: false };
  }

  const guess = jschardet.detect(Buffer.from(bytes));
  const label = guess.encoding ? canonicalLabel(guess.encoding) : undefined;
  if (label) {
    const text = tryDecode(label, bytes, false);
    if (text !== undefined) return { text, encoding: label, confidence: round(Math.min(guess.confidence, 0.79)), bom: false };
  }
  return { text: best.text, encoding: best.encoding, confidence: round(best.score), bom: false };
}

function bomEncoding(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function tryDecode(encoding: string, bytes: Uint8Array, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    // Invalid bytes for this encoding (fatal mode) or a label TextDecoder does not know.
    return undefined;
  }
}

/** A TextDecoder label for a charset name as pages and jschardet spell it; GB2312 and GBK read as GB18030. */
export function canonicalLabel(name: string): TextEncodingName | undefined {
  const lower = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/.test(lower)) return 'gb18030';
  if (/^(big5|big5-hkscs|cp950|x-x-big5)$/.test(lower)) return 'big5';
  if (/^utf-?8$/.test(lower)) return 'utf-8';
  if (/^utf-?16(le)?$/.test(lower)) return 'utf-16le';
  if (/^utf-?16be$/.test(lower)) return 'utf-16be';
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Share of the non-ASCII characters that are common Chinese characters (compared in
 * simplified form, so Big5 text scores as well as GBK); replacement characters,
 * controls and private-use code points count against it.
 */
export function chineseScore(text: string): number {
  let common = 0;
  let other = 0;
  for (const char of shadow(text.slice(0, 20_000))) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) {
      if (code < 0x09 || (code > 0x0d && code < 0x20)) other++;
      continue;
    }
    if (COMMON_HANZI.has(char)) common++;
    else other++;
  }
  const total = common + other;
  return total === 0 ? 0 : common / total;
}

function countNonAscii(text: string): number {
  let n = 0;
  for (const char of text) if (char.charCodeAt(0) >= 0x80) n++;
  return n;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
