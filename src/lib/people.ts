import type { Person, PersonRef } from '../schemas/person.ts';
import { personIdFromName } from './slug.ts';

/** A person as pages show them: an id for their page, the name, the position at the time. */
export interface ResolvedPerson {
  id: string;
  name: string;
  position?: string;
}

/** `people.yaml` made searchable by name and by id. */
export interface PeopleIndex {
  byName: ReadonlyMap<string, PersonRecord>;
  byId: ReadonlyMap<string, PersonRecord>;
}

export interface PersonRecord {
  id: string;
  name: string;
  positions: string[];
  bio?: string;
}

export function buildPeopleIndex(people: readonly Person[]): PeopleIndex {
  const byName = new Map<string, PersonRecord>();
  const byId = new Map<string, PersonRecord>();
  for (const person of people) {
    const record: PersonRecord = {
      id: person.id ?? personIdFromName(person.name),
      name: person.name,
      positions: (person.positions ?? []).map((p) => (typeof p === 'string' ? p : p.title)),
      bio: person.bio,
    };
    byName.set(record.name, record);
    byId.set(record.id, record);
  }
  return { byName, byId };
}

export const emptyPeopleIndex: PeopleIndex = { byName: new Map(), byId: new Map() };

/**
 * A name or `{ name, position }` from a document, completed from `people.yaml`:
 * the position written in the document wins, because it is the one held at the time.
 */
export function resolvePerson(ref: PersonRef, index: PeopleIndex = emptyPeopleIndex): ResolvedPerson {
  const name = typeof ref === 'string' ? ref : ref.name;
  const written = typeof ref === 'string' ? undefined : ref.position;
  const record = index.byName.get(name);
  return {
    id: record?.id ?? personIdFromName(name),
    name,
    position: written ?? record?.positions[0],
  };
}

export function resolvePeople(refs: readonly PersonRef[] | undefined, index?: PeopleIndex): ResolvedPerson[] {
  return (refs ?? []).map((ref) => resolvePerson(ref, index));
}

/** 吴文毅（省人大常委会副秘书长、办公厅主任）, or the name alone. */
export function personWithPosition(person: ResolvedPerson): string {
  return person.position ? `${person.name}（${person.position}）` : person.name;
}
