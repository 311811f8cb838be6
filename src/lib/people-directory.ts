/**
 * Everyone the archive names — in `people.yaml`, in documents' bylines and in
 * agendas — with what they said, wrote or taught: the data of `/people/`.
 *
 * A person is known by name (as `resolvePerson` matches them); the page id is
 * the `people.yaml` id or the name's pinyin, made unique when two different
 * names share a pinyin (李明 and 黎明 are both `li-ming`).
 */
import type { PersonRole } from './document-people.ts';
import type { PeopleIndex, ResolvedPerson } from './people.ts';
import { uniqueId } from './slug.ts';

export interface PersonAppearance<T> {
  item: T;
  /** The roles the person has in it: `speaker`, `reporters` …, or `session` for an agenda entry. */
  roles: (PersonRole | 'session')[];
}

export interface PersonEntry<D, S> {
  id: string;
  name: string;
  /** From `people.yaml` first, then as written in documents and agendas, without repeats. */
  positions: string[];
  bio?: string;
  documents: PersonAppearance<D>[];
  sessions: PersonAppearance<S>[];
}

export interface PeopleDirectory<D, S> {
  /** Sorted by pinyin of the name (the order of a Chinese index). */
  people: PersonEntry<D, S>[];
  /** The page id of every name, for links. */
  idOfName: ReadonlyMap<string, string>;
}

export interface DirectoryInput<D, S> {
  index: PeopleIndex;
  documents: readonly D[];
  /** Who a document names, by role. */
  documentPeople: (doc: D) => Partial<Record<PersonRole, ResolvedPerson[]>>;
  sessions: readonly S[];
  sessionPeople: (session: S) => ResolvedPerson[];
}

const collator = new Intl.Collator('zh-CN');

export function buildPeopleDirectory<D, S>(input: DirectoryInput<D, S>): PeopleDirectory<D, S> {
  const byName = new Map<string, PersonEntry<D, S>>();
  const taken = new Set<string>();
  const entryFor = (person: { name: string; id: string }): PersonEntry<D, S> => {
    let entry = byName.get(person.name);
    if (!entry) {
      const id = uniqueId(person.id, taken);
      taken.add(id);
      entry = { id, name: person.name, positions: [], documents: [], sessions: [] };
      byName.set(person.name, entry);
    }
    return entry;
  };
  const addPosition = (entry: PersonEntry<D, S>, position: string | undefined) => {
    if (position && !entry.positions.includes(position)) entry.positions.push(position);
  };

  // people.yaml first, so listed people keep their ids whatever the documents say.
  for (const record of input.index.byId.values()) {
    const entry = entryFor(record);
    entry.bio = record.bio;
    for (const position of record.positions) addPosition(entry, position);
  }
  for (const doc of input.documents) {
    const roles = new Map<PersonEntry<D, S>, PersonRole[]>();
    for (const [role, people] of Object.entries(input.documentPeople(doc)) as [PersonRole, ResolvedPerson[]][]) {
      for (const person of people) {
        const entry = entryFor(person);
        addPosition(entry, person.position);
        roles.set(entry, [...(roles.get(entry) ?? []), role]);
      }
    }
    for (const [entry, list] of roles) entry.documents.push({ item: doc, roles: [...new Set(list)] });
  }
  for (const session of input.sessions) {
    const seen = new Set<PersonEntry<D, S>>();
    for (const person of input.sessionPeople(session)) {
      const entry = entryFor(person);
      addPosition(entry, person.position);
      if (!seen.has(entry)) entry.sessions.push({ item: session, roles: ['session'] });
      seen.add(entry);
    }
  }
  // Someone listed in people.yaml but named nowhere has nothing to show yet.
  const people = [...byName.values()]
    .filter((p) => p.documents.length + p.sessions.length > 0)
    .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  return { people, idOfName: new Map([...byName.values()].map((p) => [p.name, p.id])) };
}
