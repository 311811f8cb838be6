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
