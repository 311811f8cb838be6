/**
 * The order a course's documents are read in: the order of the agenda, as in
 * the 汇编 handed to participants. Documents the agenda does not name (write-ups,
 * speeches at sessions left out of the agenda) follow by date, oldest first.
 */
import { documentKinds, type DocumentKind } from '../schemas/document.ts';
import type { PartialDate } from './partial-date.ts';

export interface OrderableDocument {
  id: string;
  kind: DocumentKind;
  date: PartialDate;
}

export function agendaOrder<D extends OrderableDocument>(
  sessions: readonly { document?: string }[],
  documents: readonly D[],
): D[] {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const ordered: D[] = [];
  const placed = new Set<string>();
  for (const session of sessions) {
    const doc = session.document === undefined ? undefined : byId.get(session.document);
    if (!doc || placed.has(doc.id)) continue;
    ordered.push(doc);
    placed.add(doc.id);
  }
  const rest = documents
    .filter((doc) => !placed.has(doc.id))
    .sort(
      (a, b) =>
        (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
        documentKinds.indexOf(a.kind) - documentKinds.indexOf(b.kind) ||
        a.id.localeCompare(b.id),
    );
  return [...ordered, ...rest];
}

/** The documents before and after `id` in `ordered`. */
export function neighbours<D extends { id: string }>(ordered: readonly D[], id: string): { previous?: D; next?: D } {
  const index = ordered.findIndex((doc) => doc.id === id);
  if (index === -1) return {};
  return { previous: ordered[index - 1], next: ordered[index + 1] };
}
