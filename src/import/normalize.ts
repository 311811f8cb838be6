/**
 * Text normalisation for imported documents: line endings, odd spaces, and the
 * half-width punctuation that NFKC (or a careless editor) left between Chinese
 * characters. Nothing else is touched: official text must come out as written.
 */

/** Han ideographs (BMP and the common extensions) and the 〇 numeral. */
const HAN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/u;

/**
 * Characters that belong to Chinese running text: Han, CJK punctuation
 * (、。〈〉《》「」【】〔〕…), full-width forms (，：；！？（）), curly quotes and dashes.
 */
const CHINESE_CONTEXT = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/u;

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

export function isHan(char: string): boolean {
  return HAN.test(char);
}

export function isChineseContext(char: string | undefined): boolean {
  return char !== undefined && CHINESE_CONTEXT.test(char);
}

/** How many Han characters a text holds. */
export function hanCount(text: string): number {
  let count = 0;
  for (const char of text) if (HAN.test(char)) count++;
  return count;
}

/**
 * `\r\n` and `\r` become `\n`; NBSP, the other fixed-width spaces and the BOM
 * become plain spaces or vanish; zero-width characters and C0 controls other than
 * tab and newline are removed (they come from copy-paste and break matching).
 */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' ')
    .replace(/[\ufeff\u200b-\u200d\u2060]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/**
 * ASCII `,:;()!?` between Chinese characters becomes full-width.
 *
 * "Between" means: the character before is Chinese (or, for `(`, the line
 * starts there) and the character after is Chinese (or, for the closing marks
 * `)!?;:,`, the line ends there). A run of such marks counts as one (`功能)!大家`
 * → `功能）！大家`). So `农(居)民` → `农（居）民`, `成功!` at the end of a line →
 * `成功！`, while `时间:2024` keeps its colon: a digit or a Latin letter is not Chinese.
 */
export function fullWidthPunctuation(line: string): string {
  const chars = Array.from(line);
  let changed = false;
  for (let start = 0; start < chars.length; start++) {
    if (!FULL_WIDTH[chars[start]]) continue;
    let end = start;
    while (end + 1 < chars.length && FULL_WIDTH[chars[end + 1]]) end++;
    const before = start === 0 ? undefined : chars[start - 1];
    const after = end === chars.length - 1 ? undefined : chars[end + 1];
    const first = chars[start];
    const last = chars[end];
    const leftOk = isChineseContext(before) || (first === '(' && before === undefined);
    const rightOk = isChineseContext(after) || (last !== '(' && after === undefined && before !== undefined);
    if (leftOk && rightOk) {
      for (let i = start; i <= end; i++) chars[i] = FULL_WIDTH[chars[i]];
      changed = true;
    }
    start = end;
  }
  return changed ? chars.join('') : line;
}

/** Whitespace normalised, then every line's punctuation; lines are not trimmed here. */
export function normaliseText(text: string): string {
  return normaliseWhitespace(text).split('\n').map(fullWidthPunctuation).join('\n');
}

/**
 * The line without its indentation and trailing spaces: ASCII spaces, tabs and
 * the ideographic space `　` that Chinese paragraphs are indented with.
 */
export function trimLine(line: string): string {
  return line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}
