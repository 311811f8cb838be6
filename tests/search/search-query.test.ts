import { describe, expect, it } from 'vitest';
import {
  buildDictionary,
  countRuns,
  intlSegmenter,
  joinPhrase,
  matchDictionary,
  normalizeQuery,
  partWords,
  phraseTokens,
  planQuery,
  splitParts,
} from '../../src/lib/search-query.ts';

const segment = intlSegmenter();
const dictionary = buildDictionary(['吴文毅', '吴文', '张静远', '区人大常委会代表工作委员会'], ['全过程人民民主', '票决制', '民生实事', '代表法']);

describe('normalizeQuery', () => {
  it('drops full- and half-width punctuation and folds full-width letters and digits', () => {
    expect(normalizeQuery('“全过程人民民主”。')).toBe('全过程人民民主');
    expect(normalizeQuery('预算审查，国有资产')).toBe('预算审查 国有资产');
    expect(normalizeQuery('预算审查,国有资产;')).toBe('预算审查 国有资产');
    expect(normalizeQuery('《代表法》')).toBe('代表法');
    expect(normalizeQuery('１９５４年　ＧＤＰ')).toBe('1954年 gdp');
  });

  it('collapses spaces of every kind, including ideographic and zero-width ones', () => {
    expect(normalizeQuery('  吴文毅\u3000\u3000预算\u200B ')).toBe('吴文毅 预算');
    expect(normalizeQuery('。，！')).toBe('');
  });
});

describe('buildDictionary', () => {
  it('keeps names of two to four characters as names and longer "people" (organisations) as terms', () => {
    expect(dictionary.names.has('吴文毅')).toBe(true);
    expect(dictionary.names.has('区人大常委会代表工作委员会')).toBe(false);
    expect(dictionary.terms.has('区人大常委会代表工作委员会')).toBe(true);
  });

  it('ignores single characters and text that is not Chinese', () => {
    const d = buildDictionary(['李', 'John Smith'], ['法', 'GDP']);
    expect(d.names.size + d.terms.size).toBe(0);
  });

  it('keeps a name listed as a term a name', () => {
    const d = buildDictionary(['吴文毅'], ['吴文毅']);
    expect(d.names.has('吴文毅')).toBe(true);
    expect(d.terms.has('吴文毅')).toBe(false);
  });
});

describe('matchDictionary', () => {
  it('takes the longest entry at each position, left to right', () => {
    expect(matchDictionary('主任吴文毅讲课', dictionary)).toEqual([
      { text: '主任', kind: 'text' },
      { text: '吴文毅', kind: 'name' },
      { text: '讲课', kind: 'text' },
    ]);
    expect(matchDictionary('吴文讲代表法', dictionary)).toEqual([
      { text: '吴文', kind: 'name' },
      { text: '讲', kind: 'text' },
      { text: '代表法', kind: 'term' },
    ]);
  });

  it('returns the text as one piece when nothing matches', () => {
    expect(matchDictionary('人大工作', dictionary)).toEqual([{ text: '人大工作', kind: 'text' }]);
  });
});

describe('phraseTokens', () => {
  it('cuts a name into characters, as the index does, whatever the segmenter thinks', () => {
    expect(phraseTokens('吴文毅', dictionary, segment)).toEqual(['吴', '文', '毅']);
    expect(phraseTokens('张静远预算', dictionary, segment)).toEqual(['张', '静', '远', '预算']);
  });

  it('cuts terms and other Chinese text with the segmenter, other scripts by word', () => {
    expect(phraseTokens('全过程人民民主', dictionary, segment)).toEqual(segment('全过程人民民主'));
    expect(phraseTokens('2024 预算', dictionary, segment)).toEqual(['2024', '预算']);
    expect(phraseTokens('gdp growth', dictionary, segment)).toEqual(['gdp', 'growth']);
  });
});

describe('joinPhrase and splitParts', () => {
  it('ignores spaces between Chinese characters but keeps them between words of other scripts', () => {
    expect(joinPhrase('预算 审查')).toBe('预算审查');
    expect(joinPhrase('吴文毅 2024')).toBe('吴文毅2024');
    expect(joinPhrase('gdp growth 预算')).toBe('gdp growth预算');
  });

  it('splits parts at spaces and where Chinese meets another script', () => {
    expect(splitParts('2024预算 吴文毅')).toEqual(['2024', '预算', '吴文毅']);
  });
});

describe('partWords', () => {
  it('keeps names and terms whole and drops single characters next to longer words', () => {
    expect(partWords('吴文毅谈预算', dictionary, segment)).toEqual(['吴文毅', '预算']);
    expect(partWords('民生实事项目', dictionary, segment)).toEqual(['民生实事', '项目']);
  });
});

describe('planQuery', () => {
  it('plans nothing for an empty query', () => {
    expect(planQuery(' 。 ', dictionary, segment)).toEqual([]);
  });

  it('asks for the phrase first and for its words only as a fallback', () => {
    const stages = planQuery('人大工作高质量发展', dictionary, segment);
    expect(stages.map((s) => [s.level, s.inclusive])).toEqual([
      ['phrase', false],
      ['words', false],
    ]);
    expect(stages[0].parts.map((p) => p.key)).toEqual(['人大工作高质量发展']);
    expect(stages[1].parts.map((p) => p.key)).toEqual(segment('人大工作高质量发展').filter((w) => w.length > 1));
  });

  it('never loosens a known term or name', () => {
    expect(planQuery('全过程人民民主', dictionary, segment).map((s) => s.level)).toEqual(['phrase']);
    expect(planQuery('“吴文毅”', dictionary, segment).map((s) => s.level)).toEqual(['phrase']);
  });

  it('asks for the whole query first, then each separated part, which then also counts', () => {
    const stages = planQuery('吴文毅 预算', dictionary, segment);
    expect(stages.map((s) => [s.level, s.parts.map((p) => p.key), s.inclusive])).toEqual([
      ['phrase', ['吴文毅预算'], false],
      ['parts', ['吴文毅', '预算'], true],
    ]);
  });

  it('loosens an unseparated query to its words, keeping the name whole, only as a fallback', () => {
    const stages = planQuery('吴文毅预算', dictionary, segment);
    expect(stages.map((s) => [s.level, s.parts.map((p) => p.key), s.inclusive])).toEqual([
      ['phrase', ['吴文毅预算'], false],
      ['words', ['吴文毅', '预算'], false],
    ]);
  });

  it('marks a name part and lists the longer names that contain it', () => {
    const [stage] = planQuery('吴文', dictionary, segment);
    expect(stage.parts[0].name).toBe(true);
    expect(stage.parts[0].longer).toEqual([{ key: '吴文毅', tokens: ['吴', '文', '毅'] }]);
  });
});

describe('countRuns', () => {
  it('counts the places where all words of a phrase stand next to each other', () => {
    expect(countRuns([3, 4, 5, 9, 20, 21, 22], 3)).toBe(2);
    expect(countRuns([3, 5, 7], 2)).toBe(0);
    expect(countRuns([7, 2, 3], 1)).toBe(3);
    expect(countRuns([], 1)).toBe(0);
    expect(countRuns([1, 2], 0)).toBe(0);
  });
});
