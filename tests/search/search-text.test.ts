import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/t2cn';
import { buildDictionary, intlSegmenter } from '../../src/lib/search-query.ts';
import { halfWidthAlphanumerics, htmlText, isTraditional, mapHtmlText, protectText, WORD_BREAK } from '../../src/lib/search-text.ts';

const segment = intlSegmenter();
const dictionary = buildDictionary(['吴文毅', '谢天学'], ['代表法', '全过程人民民主']);
const visible = (text: string) => text.replaceAll(WORD_BREAK, '');

describe('protectText', () => {
  it('indexes a name one character at a time, apart from its neighbours', () => {
    expect(protectText('谢天学同志指出', dictionary, segment)).toBe(`谢${WORD_BREAK}天${WORD_BREAK}学${WORD_BREAK}同志指出`);
    expect(protectText('由谢天学讲', dictionary, segment)).toBe(`由${WORD_BREAK}谢${WORD_BREAK}天${WORD_BREAK}学${WORD_BREAK}讲`);
  });

  it('keeps a term apart from its neighbours, cut where the segmenter cuts it', () => {
    const out = protectText('代表法规定代表', dictionary, segment);
    expect(out.startsWith(`${segment('代表法').join(WORD_BREAK)}${WORD_BREAK}`)).toBe(true);
    expect(out.endsWith('规定代表')).toBe(true);
  });

  it('puts no break at either end of the text', () => {
    expect(protectText('学习代表法', dictionary, segment).endsWith('法')).toBe(true);
  });

  it('changes nothing a reader sees', () => {
    const text = '经区委同意，代表法、全过程人民民主和吴文毅（省人大）……２０２４年';
    expect(visible(protectText(text, dictionary, segment))).toBe(halfWidthAlphanumerics(text));
    expect(visible(protectText(text, dictionary, segment, { align: true }))).toBe(halfWidthAlphanumerics(text));
  });

  it('with align, cuts all Chinese text where the segmenter cuts it', () => {
    expect(protectText('人大工作', dictionary, segment, { align: true })).toBe(segment('人大工作').join(WORD_BREAK));
  });
});

describe('halfWidthAlphanumerics', () => {
  it('folds full-width letters and digits but not punctuation', () => {
    expect(halfWidthAlphanumerics('２０２４年，ＧＤＰ（ｇｄｐ）')).toBe('2024年，GDP（gdp）');
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
