import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzParameters } from '../helpers/fuzz.ts';
import { projectRoot } from '../helpers/paths.ts';
import { buildExcerpt, countOccurrences, findOccurrences, markedTexts, matchKey } from '../../src/lib/search-excerpt.ts';

describe('matchKey', () => {
  // The plain definition, character by character: every character NFKC-normalised on
  // its own, its letters and digits kept; matchKey takes short cuts for ideographs.
  const reference = (text: string) => {
    let key = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    for (const char of text) {
      for (const unit of char.normalize('NFKC').toLowerCase()) {
        if (!/[\p{L}\p{N}]/u.test(unit)) continue;
        for (let j = 0; j < unit.length; j++) {
          starts.push(i);
          ends.push(i + char.length);
        }
        key += unit;
      }
      i += char.length;
    }
    return { key, starts, ends };
  };

  it('keys every demo and fixture document as NFKC, lower case, letters and digits only', () => {
    const files = ['content', 'tests/search/archive'].flatMap((dir) =>
      readdirSync(path.join(projectRoot, dir), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(projectRoot, dir, name)),
    );
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = `${readFileSync(file, 'utf8')}＂ＡＢＣ１２３＂ﾊﾟ丽`;
      const { key, starts, ends } = matchKey(text);
      expect(key, file).toBe(reference(text).key);
      expect(starts.length).toBe(key.length);
      expect(ends.length).toBe(key.length);
    }
  });

  it('gives the key and the places the character-by-character definition gives', () => {
    const piece = fc.constantFrom('人', '大', '代', '表', '，', '。', '“', '”', ' ', '\u200A', 'Ａ', 'ｂ', '１', 'G', 'é', 'e\u0301', 'ﾊ', 'ﾟ', '㍿', 'ß', 'İ', '𠀀', '\ud800', '\udc00', '\u2063', '2024');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(matchKey(text)).toEqual(reference(text));
      }),
      fuzzParameters(1000),
    );
  });

  it('keeps letters and digits, lower case, NFKC, and knows where each came from', () => {
    const key = matchKey('“票决制”，ＧＤＰ 2024年');
    expect(key.key).toBe('票决制gdp2024年');
    expect(key.starts[0]).toBe(1);
    expect(key.ends[2]).toBe(4);
  });
});

describe('findOccurrences', () => {
  it('finds a phrase across punctuation and spaces of the text', () => {
    const text = '落实“三单”对应要求，三单对应。';
    expect(findOccurrences(matchKey(text), '三单对应').map(([a, b]) => text.slice(a, b))).toEqual(['三单”对应', '三单对应']);
  });

  it('does not count a name inside a longer name it is told about', () => {
    const key = matchKey('吴文毅和吴文都讲了课');
    expect(countOccurrences(key, '吴文')).toBe(2);
    expect(countOccurrences(key, '吴文', ['吴文毅'])).toBe(1);
  });
});

describe('buildExcerpt', () => {
  const text = `${'前面的内容。'.repeat(20)}发展全过程人民民主，推动人大工作高质量发展。${'后面的内容。'.repeat(20)}`;

  it('marks the whole phrase, once per occurrence, around the first place it occurs', () => {
    const html = buildExcerpt(text, ['全过程人民民主']);
    expect(html).toContain('发展<mark>全过程人民民主</mark>，推动');
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(markedTexts(html)).toEqual(['全过程人民民主']);
  });

  it('escapes the text and keeps nothing but <mark> as markup', () => {
    const html = buildExcerpt('<b>预算</b> & 审查', ['预算']);
    expect(html).toBe('&#60;b&#62;<mark>预算</mark>&#60;/b&#62; &#38; 审查');
  });

  it('shows a second snippet when the parts stand far apart', () => {
    const far = `讲话人：吴文毅。${'正文内容。'.repeat(40)}重点看支出预算。${'结尾。'.repeat(10)}`;
    const html = buildExcerpt(far, ['吴文毅', '预算']);
    expect(markedTexts(html)).toEqual(['吴文毅', '预算']);
    expect(html).toMatch(/<mark>吴文毅<\/mark>.*….*<mark>预算<\/mark>/);
  });

  it('starts at the beginning, unmarked, when nothing is found', () => {
    expect(buildExcerpt('短文。', ['预算'])).toBe('短文。');
  });

  it('drops zero-width spaces the index put into the text', () => {
    expect(buildExcerpt('吴\u200B文\u200B毅讲课', ['吴文毅'])).toBe('<mark>吴文毅</mark>讲课');
  });

  it('does not mark a name inside a longer one', () => {
    expect(buildExcerpt('吴文毅和吴文', [{ key: '吴文', exclude: ['吴文毅'] }])).toBe('吴文毅和<mark>吴文</mark>');
  });
});

describe('markedTexts', () => {
  it('joins marks that touch, as a reader sees them', () => {
    expect(markedTexts('<mark>全</mark>\u200B<mark>过程</mark> 和 <mark>人民</mark>')).toEqual(['全过程', '人民']);
  });
});

describe('buildExcerpt with a heading', () => {
  it('prefers occurrences after the heading, and uses the heading when nothing else has the query', () => {
    const text = `讲稿。预算审查要点。${'说明。'.repeat(30)}人大预算审查的重点是支出。`;
    const bodyStart = '讲稿。预算审查要点'.length;
    expect(buildExcerpt(text, ['预算审查'], { bodyStart })).toContain('人大<mark>预算审查</mark>的重点');
    expect(buildExcerpt(text, ['要点'], { bodyStart })).toContain('预算审查<mark>要点</mark>');
  });
});

describe('buildExcerpt at the edge of a snippet', () => {
  it('never cuts a mark in two', () => {
    const text = `预算${'甲'.repeat(77)}预算${'乙'.repeat(20)}`;
    const html = buildExcerpt(text, ['预算'], { length: 80, lead: 0 });
    expect(markedTexts(html)).toEqual(['预算', '预算']);
    expect(html).toMatch(/甲<mark>预算<\/mark>…$/);
  });
});
