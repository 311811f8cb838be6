/**
 * Chinese query handling for the search page, as pure functions.
 *
 * The index holds Chinese cut into words by Lectern (search-text.ts): known names
 * one character at a time, known terms as cut on their own, other text where
 * `Intl.Segmenter` cuts it. A query is cut here the same way, in the browser. An
 * unquoted Pagefind query is an AND of prefix matches, so 吴文毅 alone would find
 * every page with some 吴…, 文… and 毅… anywhere. Lectern therefore:
 *
 * - asks Pagefind for the words of a phrase and keeps only the pages where those
 *   words stand next to each other (`countRuns` over the word positions Pagefind
 *   returns), which is a phrase match; where the segmenter cut a phrase
 *   differently in a document's context, the prefix match still finds a last
 *   word glued to what follows;
 * - loosens step by step (`planQuery`): the whole query as one phrase, then the
 *   parts the user separated, then the words of each part — names and terms whole.
 */

/** Words Pagefind should look up, cut the way the index was cut. */
export type WordSegmenter = (text: string) => string[];

/** Names and terms that are never cut apart (people.yaml, the documents' people, tags, a glossary). */
export interface SearchDictionary {
  /** Names are indexed character by character (see search-text.ts), so any name matches whole. */
  names: ReadonlySet<string>;
  /** Terms keep their inner words but never merge with their neighbours. */
  terms: ReadonlySet<string>;
  /** Entries by the code point they start with, longest first: the longest entry wins at each position. */
  byFirstCodePoint: ReadonlyMap<number, readonly string[]>;
}

export function buildDictionary(names: Iterable<string>, terms: Iterable<string>): SearchDictionary {
  const nameSet = new Set<string>();
  const termSet = new Set<string>();
  const longNames: string[] = [];
  for (const name of names) {
    const key = dictionaryKey(name);
    if (!isAllHan(key)) continue;
    const length = [...key].length;
    // Chinese personal names have two to four characters; a longer "person" is an
    // organisation (区人大常委会代表工作委员会), whose words readers search for.
    if (length >= 2 && length <= 4) nameSet.add(key);
    else if (length > 4) longNames.push(key);
  }
  for (const term of [...terms, ...longNames]) {
    const key = dictionaryKey(term);
    // A name listed as a term too stays a name: names are the stricter protection.
    if ([...key].length >= 2 && isAllHan(key) && !nameSet.has(key)) termSet.add(key);
  }
  const byFirstCodePoint = new Map<number, string[]>();
  for (const entry of [...nameSet, ...termSet]) {
    const first = entry.codePointAt(0)!;
    const list = byFirstCodePoint.get(first) ?? [];
    list.push(entry);
    byFirstCodePoint.set(first, list);
  }
  for (const list of byFirstCodePoint.values()) list.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { names: nameSet, terms: termSet, byFirstCodePoint };
}

export const emptyDictionary: SearchDictionary = buildDictionary([], []);

/** A dictionary entry as matched: simplified query form, no spaces or punctuation. */
function dictionaryKey(text: string): string {
  return normalizeQuery(text).replace(/ /g, '');
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;

export function isHan(char: string): boolean {
  return HAN.test(char);
}

function isAllHan(text: string): boolean {
  return /^\p{Script=Han}+$/u.test(text);
}

/**
 * The query as Lectern compares it: NFKC (full-width letters, digits and
 * punctuation become half-width), lower case, and every punctuation mark,
 * symbol or space (full- or half-width) turned into one space.
 */
export function normalizeQuery(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{C}\s]+/gu, ' ')
    .trim();
}

/** A stretch of dictionary entry or plain text, as found by `matchDictionary`. */
export interface DictionaryPiece {
  text: string;
  kind: 'name' | 'term' | 'text';
}

/**
 * Splits text into dictionary entries and the text between them, taking the
 * longest entry at each position, left to right. The index does the same
 * (search-text.ts), which is what makes a name or term match whole.
 */
export function matchDictionary(text: string, dictionary: SearchDictionary): DictionaryPiece[] {
  const pieces: DictionaryPiece[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    // Looked up by number: a character taken out as a string would be a new string each time.
    const candidates = dictionary.byFirstCodePoint.get(width === 1 ? code : text.codePointAt(i)!);
    const entry = candidates?.find((candidate) => text.startsWith(candidate, i));
    if (entry) {
      if (i > plainStart) pieces.push({ text: text.slice(plainStart, i), kind: 'text' });
      pieces.push({ text: entry, kind: dictionary.names.has(entry) ? 'name' : 'term' });
      i += entry.length;
      plainStart = i;
    } else {
      i += width;
    }
  }
  if (text.length > plainStart) pieces.push({ text: text.slice(plainStart), kind: 'text' });
  return pieces;
}

/**
 * The words to hand Pagefind for a normalised phrase, in order: names one
 * character at a time (as indexed), terms and other Chinese text cut by the
 * segmenter, other scripts word by word.
 */
export function phraseTokens(phrase: string, dictionary: SearchDictionary, segment: WordSegmenter): string[] {
  const tokens: string[] = [];
  for (const chunk of phrase.split(' ')) {
    for (const run of chunk.match(HAN_RUN) ?? []) {
      if (!isHan(run[0])) {
        tokens.push(run);
        continue;
      }
      for (const piece of matchDictionary(run, dictionary)) {
        if (piece.kind === 'name') tokens.push(...piece.text);
        else tokens.push(...segment(piece.text));
      }
    }
  }
  return tokens.filter((token) => token.length > 0);
}

/** One phrase of a query stage: every part of a stage must be found in a document. */
export interface QueryPart {
  /** The part as the reader typed it (normalised), for messages. */
  label: string;
  /** Letters and digits only: what `matchKey` of a document's text must contain. */
  key: string;
  /** Pagefind's words for the part; a match is where they stand next to each other. */
  tokens: string[];
  /** The part is one known name (people.yaml or a document's people). */
  name: boolean;
  /**
   * Longer known names that contain this name (吴文毅 for 吴文): where one of
   * them stands, this name does not, because names stay whole.
   */
  longer: { key: string; tokens: string[] }[];
}

/**
 * How loose a stage is: `phrase` — the whole query as one phrase; `parts` —
 * each space-separated part (or run of one script) as a phrase; `words` — each
 * word of each part, names and terms kept whole.
 */
export type StageLevel = 'phrase' | 'parts' | 'words';

export interface QueryStage {
  level: StageLevel;
  parts: QueryPart[];
  /**
   * Add this stage's pages after those of the stages before, even when they found
   * some: the reader separated the parts (`全国人大代表 履职`), so pages with the
   * parts apart are wanted too, after those with the parts together.
   */
  inclusive: boolean;
}

/**
 * The stages to try for a query, strictest first; the search stops at the first
 * stage that finds something. Stages that would ask the same as the one before
 * are left out. An empty query gives no stage.
 */
export function planQuery(raw: string, dictionary: SearchDictionary, segment: WordSegmenter): QueryStage[] {
  const normalized = normalizeQuery(raw);
  if (!normalized) return [];
  const part = (text: string): QueryPart => {
    const name = dictionary.names.has(text);
    return {
      label: text,
      key: text.replace(/ /g, ''),
      tokens: phraseTokens(text, dictionary, segment),
      name,
      longer: name
        ? [...dictionary.names]
            .filter((other) => other !== text && other.includes(text))
            .map((other) => ({ key: other, tokens: [...other] }))
        : [],
    };
  };
  const stages: QueryStage[] = [];
  const add = (level: StageLevel, texts: string[], inclusive: boolean) => {
    const unique = [...new Set(texts)].filter((text) => text.length > 0);
    const parts = unique.map(part).filter((p) => p.tokens.length > 0);
    if (parts.length === 0) return;
    const signature = parts.map((p) => p.tokens.join(' ')).join('|');
    const previous = stages.at(-1);
    if (previous && previous.parts.map((p) => p.tokens.join(' ')).join('|') === signature) return;
    stages.push({ level, parts, inclusive });
  };
  add('phrase', [joinPhrase(normalized)], false);
  const parts = splitParts(normalized);
  add('parts', parts, normalized.includes(' '));
  add('words', parts.flatMap((p) => partWords(p, dictionary, segment)), false);
  return stages;
}

/**
 * The whole query as one phrase: spaces only separate words of scripts that
 * need them (`gdp growth`); between Chinese characters, or Chinese and a
 * number, they are ignored (预算 审查 is 预算审查).
 */
export function joinPhrase(normalized: string): string {
  return normalized.replace(/ /g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + 1];
    return before && after && !isHan(before) && !isHan(after) ? space : '';
  });
}

/** The parts the reader separated with spaces, also cut where Chinese meets another script (2024预算). */
export function splitParts(normalized: string): string[] {
  return normalized.split(' ').flatMap((chunk) => chunk.match(HAN_RUN) ?? []);
}

/**
 * The words of a part for the loosest stage: dictionary entries whole, the rest
 * cut by the segmenter. Single characters are dropped when the part has longer
 * words, because a lone 的 or 实 would match nearly every page.
 */
export function partWords(part: string, dictionary: SearchDictionary, segment: WordSegmenter): string[] {
  if (!isHan(part[0])) return [part];
  const words: string[] = [];
  for (const piece of matchDictionary(part, dictionary)) {
    if (piece.kind !== 'text') words.push(piece.text);
    else words.push(...segment(piece.text));
  }
  const long = words.filter((word) => [...word].length > 1);
  return long.length > 0 ? long : words;
}

/**
 * How many times the `length` words of a phrase stand next to each other, given
 * the positions of every matched word in a page (Pagefind's `result.words`).
 */
export function countRuns(positions: readonly number[], length: number): number {
  if (length <= 0) return 0;
  const set = new Set(positions);
  let runs = 0;
  for (const start of set) {
    let ok = true;
    for (let offset = 1; offset < length && ok; offset++) ok = set.has(start + offset);
    if (ok) runs++;
  }
  return runs;
}

/** A word segmenter over `Intl.Segmenter`, keeping words and numbers, dropping spaces and punctuation. */
export function intlSegmenter(locale = 'zh-CN'): WordSegmenter {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return (text) =>
    [...segmenter.segment(text)]
      .map((s) => s.segment)
      .filter((s) => /[\p{L}\p{N}]/u.test(s));
}
