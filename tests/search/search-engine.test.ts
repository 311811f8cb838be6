import { describe, expect, it } from 'vitest';
import { findHits, searchArchive, type PagefindApi, type PagefindResult } from '../../src/lib/search-engine.ts';
import type { SearchFacets } from '../../src/lib/search-facets.ts';
import type { WordFile, WordIndex } from '../../src/lib/search-names.ts';
import { buildDictionary, planQuery, type WordSegmenter } from '../../src/lib/search-query.ts';
import type { SearchState } from '../../src/lib/search-state.ts';

/** A page as a fake index holds it: its words in order, as Pagefind would have cut them. */
interface FakePage {
  id: string;
  title: string;
  words: string[];
  people?: string;
  date?: string;
}

/**
 * Pagefind's search, reduced to what Lectern relies on: every query word must
 * start some word of the page (prefix match), `words` are the positions of
 * matched words, the score grows with the number of matches.
 */
function fakePagefind(pages: FakePage[]): PagefindApi & { terms: (string | null)[] } {
  const terms: (string | null)[] = [];
  const result = (page: FakePage, positions: number[]): PagefindResult => ({
    id: page.id,
    score: positions.length,
    words: positions,
    data: async () => ({
      url: `/courses/c/${page.id}/`,
      content: page.words.join(''),
      meta: { title: page.title, people: page.people, kind: 'lecture', date: page.date ?? '2024', course: '培训班' },
    }),
  });
  return {
    terms,
    async search(term) {
      terms.push(term);
      if (term === null) return { results: pages.map((page) => result(page, [])) };
      const wanted = term.split(' ');
      const results = pages
        .filter((page) => wanted.every((w) => page.words.some((word) => word.startsWith(w))))
        .map((page) => result(page, page.words.flatMap((word, i) => (wanted.some((w) => word.startsWith(w)) ? [i] : []))));
      return { results };
    },
  };
}

const known = ['全过程', '人民', '民主', '预算', '审查', '项目', '讲课', '会议'];
/** Cuts known words, other characters one by one: enough to plan queries against the fake index. */
const segment: WordSegmenter = (text) => {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    const word = known.find((w) => text.startsWith(w, i)) ?? text[i];
    out.push(word);
    i += word.length;
  }
  return out;
};
const dictionary = buildDictionary(['吴文毅', '吴文'], []);
const plan = (q: string) => planQuery(q, dictionary, segment);
const state = (q: string, extra: Partial<SearchState> = {}): SearchState => ({ q, filters: {}, sort: 'relevance', ...extra });

describe('findHits', () => {
  const pages: FakePage[] = [
    { id: 'phrase', title: '讲稿', words: ['发展', '全过程', '人民', '民主'] },
    { id: 'scattered', title: '讲话', words: ['全过程', '管理', '人民', '群众', '民主'] },
  ];

  it('keeps only pages where the words of the phrase stand side by side', async () => {
    const { stage, hits } = await findHits(fakePagefind(pages), plan('全过程人民民主'));
    expect(stage?.level).toBe('phrase');
    expect(hits.map((h) => h.id)).toEqual(['phrase']);
  });

  it('does not take a name for the start of a longer name', async () => {
    const names: FakePage[] = [
      { id: 'long', title: '', words: ['吴', '文', '毅', '讲课'] },
      { id: 'short', title: '', words: ['吴', '文', '讲课'] },
      { id: 'both', title: '', words: ['吴', '文', '毅', '和', '吴', '文'] },
    ];
    const { hits } = await findHits(fakePagefind(names), plan('吴文'));
    expect(hits.map((h) => h.id).sort()).toEqual(['both', 'short']);
  });

  it('falls back to the words only when the phrase finds nothing', async () => {
    const apart: FakePage[] = [{ id: 'apart', title: '', words: ['预算', '执行', '审查'] }];
    const pagefind = fakePagefind(apart);
    const { stage, hits } = await findHits(pagefind, plan('预算审查'));
    expect(stage?.level).toBe('words');
    expect(hits.map((h) => h.id)).toEqual(['apart']);
    expect(pagefind.terms).toEqual(['预算 审查', '预算', '审查']);
  });

  it('adds pages with separated parts apart after those with them together', async () => {
    const mixed: FakePage[] = [
      { id: 'apart', title: '', words: ['预算', '执行', '和', '审查'] },
      { id: 'together', title: '', words: ['预算', '审查'] },
    ];
    const { stage, hits } = await findHits(fakePagefind(mixed), plan('预算 审查'));
    expect(stage?.level).toBe('phrase');
    expect(hits.map((h) => [h.id, h.stage.level])).toEqual([
      ['together', 'phrase'],
      ['apart', 'parts'],
    ]);
  });
});

describe('searchArchive', () => {
  it('moves a page with the whole phrase in its title or the name among its people up', async () => {
    const pages: FakePage[] = [
      { id: 'mentions', title: '工作报告', words: ['吴', '文', '毅', '讲课', '吴', '文', '毅'] },
      { id: 'byline', title: '讲稿', people: '吴文毅', words: ['主讲', '吴', '文', '毅'] },
    ];
    const answer = await searchArchive({ pagefind: fakePagefind(pages), stages: plan('吴文毅'), state: state('吴文毅') });
    expect(answer.ids).toEqual(['byline', 'mentions']);
    const detail = await answer.detail('byline');
    expect(detail).toMatchObject({ title: '讲稿', people: ['吴文毅'], verified: true, url: '/courses/c/byline/' });
    expect(detail.excerpt).toBe('主讲<mark>吴文毅</mark>');
  });

  it('drops a page whose words stand side by side without making the phrase', async () => {
    const pages: FakePage[] = [
      { id: 'reversed', title: '', words: ['民主', '人民'] },
      { id: 'right', title: '', words: ['人民', '民主'] },
    ];
    const answer = await searchArchive({ pagefind: fakePagefind(pages), stages: plan('人民民主'), state: state('人民民主') });
    expect(answer.ids).toEqual(['right']);
    expect(answer.found).toEqual(['right']);
    expect(answer.loosened).toBe(false);
  });

  it('reads past a first window of pages that all turn out not to hold the phrase', async () => {
    // Twenty-five pages whose words stand side by side in the wrong order, each scoring
    // above the one page that holds the phrase.
    const reversed: FakePage[] = Array.from({ length: 25 }, (_, i) => ({
      id: `reversed-${String(i).padStart(2, '0')}`,
      title: '',
      words: ['民主', '人民', '会议', '民主', '人民'],
    }));
    const pages = [...reversed, { id: 'right', title: '', words: ['人民', '民主'] }];
    const answer = await searchArchive({ pagefind: fakePagefind(pages), stages: plan('人民民主'), state: state('人民民主'), window: 20 });
    expect(answer.ids).toEqual(['right']);
    expect(answer.found).toEqual(['right']);
  });

  it('answers a query that is one known name from the name index, without asking Pagefind', async () => {
    const pagefind = fakePagefind([{ id: 'pf', title: '', words: ['吴', '文', '毅'] }]);
    const fragment = (id: string, people: string) => async () => ({ url: `/courses/c/${id}/`, content: `主讲吴文毅。吴文毅说`, meta: { title: id, people } });
    const files: Record<string, WordFile> = {
      吴文毅: {
        吴文毅: [
          [0, 'often', 3, 1000],
          [1, 'speaker', 1, 1000],
        ],
      },
    };
    const words: WordIndex = {
      averageLength: 1000,
      terms: new Set(),
      file: async (kind, name) => (kind === 'name' ? files[name] : undefined),
      fragment: (_, page) => fragment(page, page === 'speaker' ? '吴文毅' : '')(),
      url: (path) => path,
    };
    const answer = await searchArchive({ pagefind, words, stages: plan('吴文毅'), state: state('吴文毅') });
    // Named three times comes before named once, until the reading finds the speaker.
    expect(answer.ids).toEqual(['speaker', 'often']);
    expect(answer.stage?.level).toBe('phrase');
    expect(pagefind.terms).toEqual([]);
    // Anything else is Pagefind's.
    await searchArchive({ pagefind, words, stages: plan('吴文毅 预算'), state: state('吴文毅 预算') });
    expect(pagefind.terms.length).toBeGreaterThan(0);
    // A name nobody names: nothing found, still without Pagefind.
    const before = pagefind.terms.length;
    expect((await searchArchive({ pagefind, words, stages: plan('吴文'), state: state('吴文') })).ids).toEqual([]);
    expect(pagefind.terms.length).toBe(before);
  });

  it('says so when only the words were found, unless a page turns out to hold the phrase', async () => {
    const apart = await searchArchive({
      pagefind: fakePagefind([{ id: 'apart', title: '', words: ['预算', '执行', '审查'] }]),
      stages: plan('预算审查'),
      state: state('预算审查'),
    });
    expect(apart.loosened).toBe(true);
    // “预算”审查: the quote takes a position, so the words are not side by side, but the text holds the phrase.
    const quoted = await searchArchive({
      pagefind: fakePagefind([{ id: 'quoted', title: '', words: ['预算', '”', '审查'] }]),
      stages: plan('预算审查'),
      state: state('预算审查'),
    });
    expect(quoted.loosened).toBe(false);
    expect((await quoted.detail('quoted')).excerpt).toBe('<mark>预算”审查</mark>');
  });

  const facets: SearchFacets = {
    version: 1,
    courses: [['c', '培训班']],
    people: [],
    tags: [],
    pages: {
      old: [0, 'speech', '2022', [], []],
      new: [0, 'lecture', '2025-03', [], []],
      mid: [0, 'lecture', '2024-11-19', [], []],
    },
  };
  const dated: FakePage[] = [
    { id: 'old', title: '', words: ['预算', '预算', '预算'] },
    { id: 'new', title: '', words: ['预算'] },
    { id: 'mid', title: '', words: ['预算', '预算'] },
  ];

  it('filters with the facets and sorts by date, newest first', async () => {
    const byDate = await searchArchive({ pagefind: fakePagefind(dated), facets, stages: plan('预算'), state: state('预算', { sort: 'date' }) });
    expect(byDate.ids).toEqual(['new', 'mid', 'old']);
    const lectures = await searchArchive({
      pagefind: fakePagefind(dated),
      facets,
      stages: plan('预算'),
      state: state('预算', { filters: { kind: 'lecture' } }),
    });
    expect(lectures.ids).toEqual(['mid', 'new']);
    expect(lectures.found).toHaveLength(3);
  });

  it('lists the pages of a filter without words, newest first, and nothing without a filter', async () => {
    const pagefind = fakePagefind(dated);
    const browse = await searchArchive({ pagefind, facets, stages: [], state: state('', { filters: { kind: 'lecture' } }) });
    expect(browse.ids).toEqual(['new', 'mid']);
    expect(pagefind.terms).toEqual([null]);
    const nothing = await searchArchive({ pagefind, facets, stages: [], state: state('') });
    expect(nothing.ids).toEqual([]);
  });
});
