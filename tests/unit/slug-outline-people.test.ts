import { describe, expect, it } from 'vitest';
import { isValidId, personIdFromName, textToSlug, uniqueId } from '../../src/lib/slug.ts';
import { chineseNumeralToNumber, parseOutlineNumber } from '../../src/lib/outline.ts';
import { buildPeopleIndex, personWithPosition, resolvePerson } from '../../src/lib/people.ts';

describe('textToSlug', () => {
  it('spells short Chinese texts in pinyin, two syllables a word', () => {
    expect(textToSlug('会议现场')).toBe('huiyi-xianchang');
    expect(textToSlug('深化一个认识')).toBe('shenhua-yige-renshi');
  });

  it('falls back to initials for long titles and always gives a valid id', () => {
    const slug = textToSlug('在全区人大代表和人大工作者履职能力提升培训班开班式上的讲话');
    expect(slug).toBe('zqqrddbhrdgzzlznltspxbkbssdjh');
    expect(isValidId(slug)).toBe(true);
  });
});

describe('personIdFromName', () => {
  it('separates the family name', () => {
    expect(personIdFromName('吴文毅')).toBe('wu-wenyi');
    expect(personIdFromName('李恒')).toBe('li-heng');
  });
});

describe('uniqueId', () => {
  it('numbers a taken id', () => {
    expect(uniqueId('a', new Set())).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });
});

describe('chineseNumeralToNumber', () => {
  it('reads the numerals outlines use', () => {
    expect(['一', '九', '十', '十二', '二十', '二十三', '九十九'].map(chineseNumeralToNumber)).toEqual([1, 9, 10, 12, 20, 23, 99]);
    expect(chineseNumeralToNumber('十十')).toBeUndefined();
    expect(chineseNumeralToNumber('abc')).toBeUndefined();
  });
});

describe('parseOutlineNumber', () => {
  it('knows the four levels in full-width and half-width punctuation', () => {
    expect(parseOutlineNumber('一、深化“一个认识”')).toMatchObject({ level: 1, number: 1, rest: '深化“一个认识”' });
    expect(parseOutlineNumber('（二）几次重要的完善')).toMatchObject({ level: 2, number: 2 });
    expect(parseOutlineNumber('(三)半角括号')).toMatchObject({ level: 2, number: 3 });
    expect(parseOutlineNumber('1. 候选项目')).toMatchObject({ level: 3, number: 1 });
    expect(parseOutlineNumber('（4）细目')).toMatchObject({ level: 4, number: 4 });
  });

  it('leaves ordinary sentences and decimals alone', () => {
    expect(parseOutlineNumber('一是加强教育培训')).toBeUndefined();
    expect(parseOutlineNumber('1.5亿元的项目')).toBeUndefined();
    expect(parseOutlineNumber('同志们：')).toBeUndefined();
  });
});

describe('resolvePerson', () => {
  const index = buildPeopleIndex([{ id: 'wu-wenyi', name: '吴文毅', positions: ['省人大常委会副秘书长、办公厅主任'] }]);

  it('completes a bare name from people.yaml', () => {
    expect(resolvePerson('吴文毅', index)).toEqual({ id: 'wu-wenyi', name: '吴文毅', position: '省人大常委会副秘书长、办公厅主任' });
  });

  it('keeps the position written in the document, the one held at the time', () => {
    expect(resolvePerson({ name: '吴文毅', position: '办公厅主任' }, index).position).toBe('办公厅主任');
  });

  it('gives people outside people.yaml a pinyin id', () => {
    expect(resolvePerson('曹新俊', index)).toEqual({ id: 'cao-xinjun', name: '曹新俊', position: undefined });
  });

  it('writes the position in full-width brackets', () => {
    expect(personWithPosition(resolvePerson('吴文毅', index))).toBe('吴文毅（省人大常委会副秘书长、办公厅主任）');
  });
});
