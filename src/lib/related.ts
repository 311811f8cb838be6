/**
 * "Related documents": others by the same people or on the same subjects,
 * those of the same course first. Pure, so the ranking can be tested without a build.
 */

export interface RelatableDocument {
  course: string;
  id: string;
  /** Ids of the people the document is by (speaker, lecturers, authors). */
  people: readonly string[];
  tags: readonly string[];
  /** Comparable date text; newer wins ties. */
  date: string;
}

/** How much a shared person, a shared tag and the same course count. */
export const WEIGHT = { person: 3, tag: 2, course: 1 } as const;

export const RELATED_LIMIT = 5;

/**
 * Up to `limit` documents sharing a person or a tag with `doc`, best first.
 * Sharing only the course is not enough: the course's own list already shows those.
 */
export function relatedDocuments<D extends RelatableDocument>(doc: D, all: readonly D[], limit = RELATED_LIMIT): D[] {
  const people = new Set(doc.people);
  const tags = new Set(doc.tags);
  return all
    .filter((other) => other !== doc && !(other.course === doc.course && other.id === doc.id))
    .map((other) => {
      const sharedPeople = new Set(other.people.filter((p) => people.has(p))).size;
      const sharedTags = new Set(other.tags.filter((t) => tags.has(t))).size;
      const score =
        sharedPeople * WEIGHT.person + sharedTags * WEIGHT.tag + (other.course === doc.course ? WEIGHT.course : 0);
      return { other, score, shared: sharedPeople + sharedTags };
    })
    .filter((r) => r.shared > 0)
    .sort((a, b) => b.score - a.score || (a.other.date < b.other.date ? 1 : a.other.date > b.other.date ? -1 : 0))
    .slice(0, limit)
    .map((r) => r.other);
}

/**
 * `relatedDocuments` for every document of a list, without ranking the whole list each
 * time: documents are indexed by person and by tag once, and a query counts shared people
 * and tags over the documents that have any of its own — the same result, ties broken by
 * the list's order (as the whole-list ranking's stable sort does). Ranking the whole
 * archive on every document page made the build grow with the square of the archive.
 */
export function relatedIndex<D extends RelatableDocument>(all: readonly D[]): (doc: D, limit?: number) => D[] {
  const order = new Map<D, number>();
  // By person and by tag, the places in `all` of the documents that have it.
  const byKey = new Map<string, number[]>();
  const courseIds = new Map<string, number>();
  const course = new Int32Array(all.length);
  all.forEach((doc, index) => {
    order.set(doc, index);
    course[index] = courseIds.get(doc.course) ?? courseIds.set(doc.course, courseIds.size).size - 1;
    for (const key of keysOf(doc)) {
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  });
  // The tie-break of the ranking (newer first, then earlier in the list) as one number
  // per document, higher first: a common tag touches thousands of documents a query, and
  // comparing their dates as text took most of the 10,000-document render (docs/scaling.md).
  const byRecency = all.map((_, at) => at).sort((a, b) => (all[a].date < all[b].date ? 1 : all[a].date > all[b].date ? -1 : a - b));
  const recency = new Float64Array(all.length);
  byRecency.forEach((at, place) => (recency[at] = all.length - place));
  // Scratch counters, one per document, zeroed again after each query.
  const people = new Int32Array(all.length);
  const tags = new Int32Array(all.length);
  return (doc, limit = RELATED_LIMIT) => {
    const self = order.get(doc);
    if (self === undefined) return relatedDocuments(doc, all, limit);
    const touched: number[] = [];
    const count = (keys: string[], counter: Int32Array) => {
      for (const key of keys) {
        for (const at of byKey.get(key) ?? []) {
          if (people[at] === 0 && tags[at] === 0) touched.push(at);
          counter[at]++;
        }
      }
    };
    count([...new Set(doc.people)].map((p) => `p:${p}`), people);
    count([...new Set(doc.tags)].map((t) => `t:${t}`), tags);
    // The best `limit` in one pass, by score and then recency folded into one key.
    const bestAt: number[] = [];
    const bestKey: number[] = [];
    for (const at of touched) {
      const score = people[at] * WEIGHT.person + tags[at] * WEIGHT.tag + (course[at] === course[self] ? WEIGHT.course : 0);
      people[at] = 0;
      tags[at] = 0;
      if (at === self || (all[at].course === doc.course && all[at].id === doc.id) || limit <= 0) continue;
      const key = score * (all.length + 1) + recency[at];
      if (bestKey.length === limit && key <= bestKey[limit - 1]) continue;
      let place = bestKey.length;
      while (place > 0 && key > bestKey[place - 1]) place--;
      bestKey.splice(place, 0, key);
      bestAt.splice(place, 0, at);
      if (bestKey.length > limit) {
        bestKey.pop();
        bestAt.pop();
      }
    }
    return bestAt.map((at) => all[at]);
  };
}

function keysOf(doc: RelatableDocument): string[] {
  return [...new Set(doc.people)].map((p) => `p:${p}`).concat([...new Set(doc.tags)].map((t) => `t:${t}`));
}
