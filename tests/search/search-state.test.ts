import { describe, expect, it } from 'vitest';
import { hasFilters, stateFromParams, stateToParams, stateToSearch, withFilter } from '../../src/lib/search-state.ts';

describe('stateFromParams', () => {
  it('reads the query, every filter and the sort order from the URL', () => {
    const state = stateFromParams(new URLSearchParams('q=票决制&course=xinyang-2024&kind=lecture&year=2024&person=wu-wenyi&tag=预算&sort=date'));
    expect(state).toEqual({
      q: '票决制',
      filters: { course: 'xinyang-2024', kind: 'lecture', year: '2024', person: 'wu-wenyi', tag: '预算' },
      sort: 'date',
    });
  });

  it('defaults to relevance, ignores empty and unknown parameters and cuts an overlong query', () => {
    const state = stateFromParams(new URLSearchParams(`q=${'议'.repeat(300)}&course=&sort=random&page=2`));
    expect(state.sort).toBe('relevance');
    expect(state.filters).toEqual({});
    expect(state.q).toHaveLength(200);
  });
});

describe('stateToParams', () => {
  it('writes parameters in a fixed order and leaves out defaults', () => {
    const state = stateFromParams(new URLSearchParams('sort=relevance&tag=预算&q=吴文毅'));
    expect(stateToParams(state).toString()).toBe('q=%E5%90%B4%E6%96%87%E6%AF%85&tag=%E9%A2%84%E7%AE%97');
    expect(stateToSearch({ q: '', filters: {}, sort: 'relevance' })).toBe('');
  });

  it('round-trips through the URL', () => {
    const state = { q: '2024 预算', filters: { kind: 'lecture', person: 'zhang-jingyuan' }, sort: 'date' as const };
    expect(stateFromParams(stateToParams(state))).toEqual(state);
  });
});

describe('withFilter and hasFilters', () => {
  it('sets and clears one filter without touching the others', () => {
    const state = { q: '议案', filters: { kind: 'lecture' }, sort: 'relevance' as const };
    expect(withFilter(state, 'year', '2024').filters).toEqual({ kind: 'lecture', year: '2024' });
    expect(withFilter(state, 'kind', undefined).filters).toEqual({});
    expect(state.filters).toEqual({ kind: 'lecture' });
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(withFilter(state, 'kind', undefined))).toBe(false);
  });
});
