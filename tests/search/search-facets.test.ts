import { describe, expect, it } from 'vitest';
import { browsePages, facetCounts, facetLabel, filterPages, sortByDate, type SearchFacets } from '../../src/lib/search-facets.ts';

const facets: SearchFacets = {
  version: 1,
  courses: [
    ['xinyang-2024', '信阳培训班'],
    ['quren-2024', '区培训班'],
  ],
  people: [
    ['wu-wenyi', '吴文毅'],
    ['zhang-jingyuan', '张静远'],
  ],
  tags: ['预算审查', '票决制'],
  pages: {
    a: [0, 'lecture', '2024-11-18', [0], []],
    b: [0, 'lecture', '2024-11-20', [1], [0]],
    c: [1, 'speech', '2024-04', [], [1]],
    d: [1, 'writeup', '2023', [0, 1], [0, 1]],
  },
};

describe('filterPages', () => {
  it('keeps the pages that have every filter value, in their order', () => {
    expect(filterPages(['d', 'a', 'b', 'c'], facets, { course: 'xinyang-2024' })).toEqual(['a', 'b']);
    expect(filterPages(['d', 'a', 'b', 'c'], facets, { person: 'wu-wenyi', year: '2023' })).toEqual(['d']);
    expect(filterPages(['d', 'zz'], facets, {})).toEqual(['d']);
  });
});

describe('facetCounts', () => {
  it('counts each value with the other filters applied, so choosing it shows that many', () => {
    const counts = facetCounts(['a', 'b', 'c', 'd'], facets, { kind: 'lecture' });
    expect([...counts.kind]).toEqual([
      ['lecture', 2],
      ['speech', 1],
      ['writeup', 1],
    ]);
    expect([...counts.course]).toEqual([['xinyang-2024', 2]]);
    expect([...counts.person]).toEqual([
      ['wu-wenyi', 1],
      ['zhang-jingyuan', 1],
    ]);
    expect([...counts.year]).toEqual([['2024', 2]]);
    expect([...counts.tag]).toEqual([['预算审查', 1]]);
  });
});

describe('sortByDate and browsePages', () => {
  it('orders newest first, keeping the given order for equal dates and pages without facets last', () => {
    expect(sortByDate(['c', 'x', 'a', 'd', 'b'], facets)).toEqual(['b', 'a', 'c', 'd', 'x']);
  });

  it('lists the pages a filter selects, newest first', () => {
    expect(browsePages(facets, { tag: '预算审查' })).toEqual(['b', 'd']);
  });
});

describe('facetLabel', () => {
  it('shows course titles and names for ids, other values as they are', () => {
    expect(facetLabel('course', 'quren-2024', facets)).toBe('区培训班');
    expect(facetLabel('person', 'zhang-jingyuan', facets)).toBe('张静远');
    expect(facetLabel('person', 'nobody', facets)).toBe('nobody');
    expect(facetLabel('year', '2024', facets)).toBe('2024');
  });
});
