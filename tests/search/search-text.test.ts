import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Converter } from 'opencc-js/t2cn';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDictionary, intlSegmenter, matchDictionary } from '../../src/lib/search-query.ts';
import { projectRoot, seedsDir } from '../helpers/paths.ts';
import { fuzzParameters } from '../helpers/fuzz.ts';
import { firstHan, halfWidthAlphanumerics, htmlText, isTraditional, mapHtmlText, mapHtmlTexts, readableIndexedText, spaceWords, spaceWordsEach, WORD_SPACE } from '../../src/lib/search-text.ts';

const segment = intlSegmenter();
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const dictionary = buildDictionary(['吴文毅', '谢天学'], ['代表法', '全过程人民民主']);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}

describe('spaceWords', () => {
  const words = (text: string) => spaceWords(text, dictionary, segmenter).split(WORD_SPACE).filter(Boolean);

  it('indexes a name one character at a time, apart from its neighbours', () => {
    expect(words('谢天学同志指出')).toEqual(['谢', '天', '学', ...segment('同志指出')]);
    expect(words('由谢天学讲')).toEqual(['由', '谢', '天', '学', '讲']);
  });

  it('keeps a term apart from its neighbours, cut as the segmenter cuts it alone', () => {
    expect(words('代表法规定代表')).toEqual([...segment('代表法'), ...segment('规定代表')]);
  });

  it('cuts other Chinese text where the segmenter cuts it', () => {
    expect(words('人大工作')).toEqual(segment('人大工作'));
  });

  it('sets Chinese punctuation, digits and letters apart from Chinese words', () => {
    expect(words('２０２４年预算，GDP增长')).toEqual(['2024', ...segment('年预算'), '，', 'GDP', ...segment('增长')]);
  });

  it('cuts as cutting each stretch of Chinese on its own would, on every demo and search fixture document', () => {
    // The reference: every Han run cut by itself, names one character at a time,
    // terms and other text as the segmenter cuts them.
    const reference = (text: string) =>
      halfWidthAlphanumerics(text)
        .split(/(\p{Script=Han}+)/u)
        .flatMap((chunk, i) =>
          i % 2 === 0
            ? chunk.split(/(\s+|[^\p{L}\p{N}\s\x21-\x7E])/u)
            : matchDictionary(chunk, dictionary).flatMap((piece) => (piece.kind === 'name' ? [...piece.text] : segment(piece.text))),
        )
        .map((word) => word.trim())
        .filter(Boolean);
    const documents = [...markdownFiles(path.join(projectRoot, 'content')), ...markdownFiles(path.join(projectRoot, 'tests/search/archive'))];
    expect(documents.length).toBeGreaterThan(30);
    for (const file of documents) {
      const text = readFileSync(file, 'utf8');
      const spaced = spaceWords(text, dictionary, segmenter);
      expect(spaced.replaceAll(WORD_SPACE, ''), file).toBe(halfWidthAlphanumerics(text));
      expect(spaced.split(/[\s\u200A]+/u).filter(Boolean), file).toEqual(reference(text));
    }
  });

  it('leaves a space between words of other scripts as it is', () => {
    expect(spaceWords('budget review', dictionary, segmenter)).toBe('budget review');
  });
});

describe('readableIndexedText', () => {
  it('gives back the text as written once Pagefind has turned the word spaces into spaces', () => {
    const text = '经区委同意，代表法、全过程人民民主和吴文毅（省人大）……２０２４年“三单”GDP增长，budget review';
    const asPagefindKeepsIt = spaceWords(text, dictionary, segmenter).replaceAll(WORD_SPACE, ' ');
    expect(readableIndexedText(asPagefindKeepsIt)).toBe(halfWidthAlphanumerics(text));
  });
});

describe('halfWidthAlphanumerics', () => {
  it('folds full-width letters and digits but not punctuation', () => {
    expect(halfWidthAlphanumerics('２０２４年，ＧＤＰ（ｇｄｐ）')).toBe('2024年，GDP（gdp）');
  });
});

describe('spaceWordsEach', () => {
  // Pieces where word breaking, Han runs and dictionary matches could run on from one text into the next.
  const piece = fc.constantFrom(
    '吴文毅', '谢天学', '代表法', '全过程人民民主', '人民', '代表', '大会', '的', '吴', '法', '𠀀', '😀', '👍🏽',
    'a', 'Z', '9', '3.14', "don't", 'GDP', '２０２４', 'ＡＢ', '，', '。', '、', '“', '”', '（', '—', '…', '.', ',', ':', '-',
    ' ', '\u3000', '\u00a0', '\n', '\r', '\r\n', '\t', '\u200b', '\u0301', '\ud83d',
  );
  const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));

  it('spaces each text as spaceWords spaces it alone', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
        expect(spaceWordsEach(texts, dictionary, segmenter)).toEqual(texts.map((one) => spaceWords(one, dictionary, segmenter)));
      }),
      fuzzParameters(2000),
    );
  });

  it('holds on the seed documents, paragraph by paragraph', () => {
    const seeds = readdirSync(seedsDir).map((name) => path.join(seedsDir, name));
    expect(seeds.length).toBe(2);
    for (const file of seeds) {
      const paragraphs = readFileSync(file, 'utf8').split(/(?<=[。\n])/);
      expect(spaceWordsEach(paragraphs, dictionary, segmenter)).toEqual(paragraphs.map((one) => spaceWords(one, dictionary, segmenter)));
    }
  });
});

describe('mapHtmlTexts', () => {
  it('hands over the text nodes in order and puts back what it is given', () => {
    const html = '<p a="<x>">一</p><!-- 二 --><script>三</script>四<b>五</b>';
    expect(mapHtmlTexts(html, (texts) => {
      expect(texts).toEqual(['一', '四', '五']);
      return ['A', 'B', 'C'];
    })).toBe('<p a="<x>">A</p><!-- 二 --><script>三</script>B<b>C</b>');
  });
});

describe('mapHtmlText', () => {
  it('changes text nodes only, not tags, attributes, comments, scripts or styles', () => {
    const html = '<p title="代表法">代表法</p><!-- 代表法 --><script>let a = "代表法"</script><style>p::after{content:"代表法"}</style>代表法';
    expect(mapHtmlText(html, (t) => t.replaceAll('代表法', 'X'))).toBe(
      '<p title="代表法">X</p><!-- 代表法 --><script>let a = "代表法"</script><style>p::after{content:"代表法"}</style>X',
    );
  });

  it('reads attributes that contain >', () => {
    expect(mapHtmlText('<a data-x="a>b">文</a>', () => 'T')).toBe('<a data-x="a>b">T</a>');
  });
});

describe('htmlText', () => {
  it('keeps the text of every node', () => {
    expect(htmlText('<h1>标题</h1><p>正文<b>加粗</b></p>')).toBe('标题正文加粗');
  });
});

describe('firstHan', () => {
  it('finds what /\\p{Script=Han}/gu finds, up to the count', () => {
    const char = fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('人', '𠀀', '〇', '々', '⺀', '⼀', '豈', '\ud840', '\udc00'));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (chars, count) => {
        const text = chars.join('');
        const expected = [...text.matchAll(/\p{Script=Han}/gu)].map(([match]) => match).slice(0, count);
        expect(firstHan(text, count)).toEqual(expected);
      }),
      fuzzParameters(3000),
    );
  });
});

describe('isTraditional', () => {
  const toSimplified = Converter({ from: 'tw', to: 'cn' });

  it('recognises a text written in Traditional characters', () => {
    expect(isTraditional('作為香港特別行政區選出的全國人大代表，我想談談這幾年履職的體會。', toSimplified)).toBe(true);
  });

  it('leaves a Simplified text, even one quoting a Traditional name, Simplified', () => {
    expect(isTraditional('作为香港特别行政区选出的全国人大代表，我想谈谈这几年履职的体会。', toSimplified)).toBe(false);
    expect(isTraditional(`${'人大代表认真履职，积极建言献策。'.repeat(10)}（黃先生）`, toSimplified)).toBe(false);
    expect(isTraditional('', toSimplified)).toBe(false);
  });
});
