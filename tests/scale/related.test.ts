import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { relatedDocuments, relatedIndex, type RelatableDocument } from '../../src/lib/related.ts';

const documentArb = fc.record({
  course: fc.constantFrom('a', 'b', 'c'),
  id: fc.constantFrom('x', 'y', 'z', 'w'),
  people: fc.array(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { maxLength: 3 }),
  tags: fc.array(fc.constantFrom('t1', 't2', 't3', 't4', 't5'), { maxLength: 4 }),
  date: fc.constantFrom('2023', '2024-04', '2024-04-10', '2024-11-18', '2025'),
});

describe('relatedIndex', () => {
  it('ranks exactly as relatedDocuments over the whole list, for every document', () => {
    fc.assert(
      fc.property(fc.array(documentArb, { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), (docs: RelatableDocument[], limit) => {
        const related = relatedIndex(docs);
        for (const doc of docs) expect(related(doc, limit)).toEqual(relatedDocuments(doc, docs, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('ranks exactly as relatedDocuments when a tag set\'s kept ranking runs short and the whole count is needed', () => {
    fc.assert(
      fc.property(fc.array(documentArb, { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (docs: RelatableDocument[], limit, ranked) => {
        const related = relatedIndex(docs, ranked);
        for (const doc of docs) expect(related(doc, limit)).toEqual(relatedDocuments(doc, docs, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('ranks a document outside the list the simple way', () => {
    const docs: RelatableDocument[] = [{ course: 'a', id: 'x', people: ['p1'], tags: [], date: '2024' }];
    const outsider: RelatableDocument = { course: 'b', id: 'y', people: ['p1'], tags: [], date: '2025' };
    expect(relatedIndex(docs)(outsider)).toEqual([docs[0]]);
  });
});
