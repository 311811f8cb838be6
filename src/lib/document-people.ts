import type { DocumentData, DocumentKind, Lecture, Speech, Writeup } from '../schemas/document.ts';
import type { PersonRef } from '../schemas/person.ts';
import { resolvePeople, type PeopleIndex, type ResolvedPerson } from './people.ts';

/** The byline roles a document can name, in the order pages show them. */
export const personRoles = [
  'speaker',
  'lecturers',
  'authors',
  'reporters',
  'correspondents',
  'photographers',
  'editors',
] as const;
export type PersonRole = (typeof personRoles)[number];

/** Everyone a document names, by role, as written in its front matter. */
export function documentPersonRefs(kind: DocumentKind, data: DocumentData): Partial<Record<PersonRole, PersonRef[]>> {
  const roles: Partial<Record<PersonRole, PersonRef[]>> = {};
  if (kind === 'speech' && (data as Speech).speaker) roles.speaker = [(data as Speech).speaker!];
  if (kind === 'lecture') roles.lecturers = (data as Lecture).lecturers;
  if (data.authors) roles.authors = data.authors;
  if (kind === 'writeup') {
    const w = data as Writeup;
    if (w.reporters) roles.reporters = w.reporters;
    if (w.correspondents) roles.correspondents = w.correspondents;
    if (w.photographers) roles.photographers = w.photographers;
    if (w.editors) roles.editors = w.editors;
  }
  return roles;
}

export function documentPeople(
  kind: DocumentKind,
  data: DocumentData,
  index?: PeopleIndex,
): Partial<Record<PersonRole, ResolvedPerson[]>> {
  const refs = documentPersonRefs(kind, data);
  const resolved: Partial<Record<PersonRole, ResolvedPerson[]>> = {};
  for (const role of personRoles) {
    if (refs[role]) resolved[role] = resolvePeople(refs[role], index);
  }
  return resolved;
}

/** The people a document is by or about (speaker, lecturers, authors), for lists and search. */
export function principalPeople(kind: DocumentKind, data: DocumentData, index?: PeopleIndex): ResolvedPerson[] {
  const people = documentPeople(kind, data, index);
  return [...(people.speaker ?? []), ...(people.lecturers ?? []), ...(people.authors ?? [])];
}
