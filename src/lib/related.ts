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
 * time — the same result, ties broken by the list's order (as the whole-list ranking's
 * stable sort does). Ranking the whole archive on every document page made the build
 * grow with the square of the archive; counting over the documents that share a tag
 * still did, since a common tag's documents grow with the archive.
 *
 * So the documents sharing only tags are ranked once per set of tags: among documents
 * that share no person and are of another course, the score is twice the tags shared,
 * the same for every document with that set of tags. A query scores exactly the few
 * documents that share a person or its course, and takes the rest from its tag set's
 * ranking, skipping those. Archives reuse tag sets (a course's documents share its
 * subjects), so the rankings are few; a query whose ranking runs short is counted in
 * full, as before.
 */
export function relatedIndex<D extends RelatableDocument>(
  all: readonly D[],
  /** How many of a tag set's best documents are kept (tests make it small to reach the full count). */
  ranked = 64,
): (doc: D, limit?: number) => D[] {
  const order = new Map<D, number>();
  // People, tags and courses as numbers; each document's people and tags without repeats.
  const numbers = (values: Iterable<string>, ids: Map<string, number>) => Int32Array.from(new Set(values), (v) => ids.get(v) ?? ids.set(v, ids.size).size - 1);
  const personIds = new Map<string, number>();
  const tagIds = new Map<string, number>();
  const courseIds = new Map<string, number>();
  const peopleOf = all.map((doc) => numbers(doc.people, personIds));
  const tagsOf = all.map((doc) => numbers(doc.tags, tagIds));
  const course = Int32Array.from(all, (doc) => courseIds.get(doc.course) ?? courseIds.set(doc.course, courseIds.size).size - 1);
  // By person, by tag and by course, the places in `all` of the documents that have it.
  const byPerson: number[][] = Array.from({ length: personIds.size }, () => []);
  const byTag: number[][] = Array.from({ length: tagIds.size }, () => []);
  const byCourse: number[][] = Array.from({ length: courseIds.size }, () => []);
  all.forEach((doc, at) => {
    order.set(doc, at);
    for (const person of peopleOf[at]) byPerson[person].push(at);
    for (const tag of tagsOf[at]) byTag[tag].push(at);
    byCourse[course[at]].push(at);
  });
  // The tie-break of the ranking (newer first, then earlier in the list) as one number
  // per document, higher first, folded with the score into one key.
  const byRecency = all.map((_, at) => at).sort((a, b) => (all[a].date < all[b].date ? 1 : all[a].date > all[b].date ? -1 : a - b));
  const recency = new Float64Array(all.length);
  byRecency.forEach((at, place) => (recency[at] = all.length - place));
  const keyOf = (score: number, at: number) => score * (all.length + 1) + recency[at];
  // Scratch counters and marks, zeroed again after each use.
  const people = new Int32Array(all.length);
  const tags = new Int32Array(all.length);
  const seen = new Int32Array(all.length);
  const myPeople = new Uint8Array(personIds.size);
  const myTags = new Uint8Array(tagIds.size);
  let query = 0;
  const shared = (ids: Int32Array, mine: Uint8Array) => {
    let n = 0;
    for (const id of ids) n += mine[id];
    return n;
  };
  /** A tag set's documents by tags shared, then recency: the best `ranked`, and whether that is all of them. */
  const tagRankings = new Map<string, { places: number[]; complete: boolean }>();

  const countTags = (tagSet: Int32Array, touched: number[]) => {
    for (const tag of tagSet) {
      for (const at of byTag[tag]) {
        if (people[at] === 0 && tags[at] === 0) touched.push(at);
        tags[at]++;
      }
    }
  };
  const tagRanking = (tagSet: Int32Array) => {
    const key = [...tagSet].sort((a, b) => a - b).join(',');
    let found = tagRankings.get(key);
    if (!found) {
      const touched: number[] = [];
      countTags(tagSet, touched);
      const best = new TopList(ranked);
      for (const at of touched) {
        best.offer(at, keyOf(tags[at] * WEIGHT.tag, at));
        tags[at] = 0;
      }
      found = { places: best.places, complete: touched.length <= ranked };
      tagRankings.set(key, found);
    }
    return found;
  };

  /** Counts every document sharing a person or a tag: the way that holds for any query. */
  const countAll = (doc: D, self: number, limit: number) => {
    const touched: number[] = [];
    for (const person of peopleOf[self]) {
      for (const at of byPerson[person]) {
        if (people[at] === 0 && tags[at] === 0) touched.push(at);
        people[at]++;
      }
    }
    countTags(tagsOf[self], touched);
    const best = new TopList(limit);
    for (const at of touched) {
      const score = people[at] * WEIGHT.person + tags[at] * WEIGHT.tag + (course[at] === course[self] ? WEIGHT.course : 0);
      people[at] = 0;
      tags[at] = 0;
      if (at !== self && !(course[at] === course[self] && all[at].id === doc.id)) best.offer(at, keyOf(score, at));
    }
    return best.places;
  };

  return (doc, limit = RELATED_LIMIT) => {
    const self = order.get(doc);
    if (self === undefined) return relatedDocuments(doc, all, limit);
    if (limit <= 0) return [];
    query++;
    for (const id of peopleOf[self]) myPeople[id] = 1;
    for (const id of tagsOf[self]) myTags[id] = 1;
    const best = new TopList(limit);
    // The documents scored here: those sharing a person, and those of the same course.
    const score = (at: number) => {
      if (seen[at] === query) return;
      seen[at] = query;
      if (at === self || (course[at] === course[self] && all[at].id === doc.id)) return;
      const sharedPeople = shared(peopleOf[at], myPeople);
      const sharedTags = shared(tagsOf[at], myTags);
      if (sharedPeople + sharedTags > 0) best.offer(at, keyOf(sharedPeople * WEIGHT.person + sharedTags * WEIGHT.tag + (course[at] === course[self] ? WEIGHT.course : 0), at));
    };
    for (const person of peopleOf[self]) for (const at of byPerson[person]) score(at);
    for (const at of byCourse[course[self]]) score(at);
    // The rest score by their tags alone, in the tag set's order.
    const ranking = tagsOf[self].length > 0 ? tagRanking(tagsOf[self]) : { places: [], complete: true };
    let taken = 0;
    for (const at of ranking.places) {
      if (seen[at] === query) continue;
      best.offer(at, keyOf(shared(tagsOf[at], myTags) * WEIGHT.tag, at));
      if (++taken === limit) break;
    }
    for (const id of peopleOf[self]) myPeople[id] = 0;
    for (const id of tagsOf[self]) myTags[id] = 0;
    // The kept ranking ran out before `limit` of its documents could be taken: count in full.
    const places = taken < limit && !ranking.complete ? countAll(doc, self, limit) : best.places;
    return places.map((at) => all[at]);
  };
}

/** The places with the highest keys, at most `size`, best first. */
class TopList {
  readonly places: number[] = [];
  readonly #keys: number[] = [];
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  offer(at: number, key: number): void {
    const keys = this.#keys;
    if (keys.length === this.#size && key <= keys[keys.length - 1]) return;
    let place = keys.length;
    while (place > 0 && key > keys[place - 1]) place--;
    keys.splice(place, 0, key);
    this.places.splice(place, 0, at);
    if (keys.length > this.#size) {
      keys.pop();
      this.places.pop();
    }
  }
}
