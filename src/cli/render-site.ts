/**
 * The first half of `lectern build`, run by it (build.ts) as a child process: checks the
 * archive, renders it with Astro into the work folder, reports how that went over the IPC
 * channel and exits. Exiting gives back the memory Astro holds after rendering before
 * the parent builds the search index, which needs memory of its own (docs/scaling.md).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { reportArchive } from './check.ts';
import { shareArchive } from '../archive/shared-archive.ts';
import { deployment } from '../archive/deployment.ts';
import { publishedDocuments } from '../archive/permalinks.ts';
import type { PublishedDocument } from '../lib/permalinks.ts';
import { mark, marks } from '../integrations/timings.ts';
import type { Archive } from '../archive/read-archive.ts';
import { documentPeople, personRoles } from '../lib/document-people.ts';
import type { PlannedPage } from '../integrations/search-early.ts';
import { paths } from '../lib/urls.ts';
import { compareDatesDescending } from '../lib/partial-date.ts';
import { compareText } from '../lib/compare.ts';

export interface RenderRequest {
  /** Project root: where astro.config.mjs is. */
  root: string;
  content: string;
  /** The build's cache folder (check results, content store, pages, search shards). */
  cacheDir: string;
  /** Empty folder Astro writes the site into. */
  work: string;
}

/** What the child tells `lectern build` once the check has passed: the document pages it will render. */
export interface RenderPlan {
  kind: 'checked';
  pages: PlannedPage[];
  /** The names in people.yaml, as checked: the search index's dictionary starts from them. */
  peopleNames: string[];
}

/** What the child tells `lectern build`, once, before it exits. */
export type RenderOutcome =
  /** The content has problems; they have been printed. */
  | { kind: 'stopped'; marks: Record<string, number> }
  /** Astro (a page, an integration) threw; the message has been printed. */
  | { kind: 'failed'; marks: Record<string, number> }
  /** The site is in `work`; the documents it published, for the permalink record. */
  | { kind: 'rendered'; marks: Record<string, number>; published: PublishedDocument[] };

async function render(request: RenderRequest): Promise<RenderOutcome> {
  mark('check:start');
  const cacheFile = path.join(request.cacheDir, 'lectern-check.json');
  // Nothing cached: every file is parsed, half of them on the other core (read-ahead.ts).
  const { ok, archive } = reportArchive(request.content, process.stderr, { cacheFile, readAhead: !existsSync(cacheFile) });
  mark('check:end');
  if (!ok) return { kind: 'stopped', marks: marks() };
  send({ kind: 'checked', pages: plannedPages(archive), peopleNames: archive.people.map((person) => person.name) } satisfies RenderPlan);
  // The content loaders take the archive just checked instead of reading every file again.
  shareArchive(archive);
  try {
    // Astro writes its prerender bundle inside the output folder when that lies
    // below the working folder, else into the project's shared `.astro/` (and
    // from there renames files into the output folder, which fails across file
    // systems). Building into `work` from the project root keeps it inside.
    process.chdir(request.root);
    mark('astro:start');
    const { build } = await import('astro');
    await build({ root: request.root, outDir: request.work, logLevel: process.env.LECTERN_LOG === 'debug' ? 'debug' : 'info' });
    mark('astro:end');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return { kind: 'failed', marks: marks() };
  }
  const published = publishedDocuments(archive.documents, archive.courses, deployment(archive.root).base);
  return { kind: 'rendered', marks: marks(), published };
}

/**
 * The document pages the build will index, with the people and tags their search
 * metadata will name (SearchMeta.astro), so that `lectern build` can prepare them for
 * the index as Astro writes them (search-early.ts). In the order Astro renders them:
 * newest first, as getDocuments (src/data/archive.ts) gives them to the document route.
 */
function plannedPages(archive: Archive): PlannedPage[] {
  const courses = new Set(archive.courses.filter((course) => !course.data.draft).map((course) => course.id));
  return archive.documents
    .filter((doc) => !doc.data.draft && courses.has(doc.course))
    .sort((a, b) => compareDatesDescending(a.data.date, b.data.date) || compareText(a.course, b.course) || compareText(a.id, b.id))
    .map((doc) => {
      const url = paths.document(doc.course, doc.id);
      const byRole = documentPeople(doc.kind, doc.data, archive.peopleIndex);
      const people = new Map(personRoles.flatMap((role) => byRole[role] ?? []).map((person) => [person.id, person.name]));
      return { url: `/${url}`, file: `${url}index.html`, people: [...people.values()], tags: [...new Set(doc.data.tags ?? [])] };
    });
}

const channel = process.send?.bind(process);
if (!channel) throw new Error('render-site.ts runs as a child process of `lectern build`, with an IPC channel.');
const send = (message: RenderPlan | RenderOutcome, done: () => void = () => undefined) => channel(message, done);
// The parent gone (killed, even by SIGKILL) closes the channel: stop writing into its folders.
process.on('disconnect', () => process.exit(1));
const outcome = await render(JSON.parse(process.argv[2]) as RenderRequest);
send(outcome, () => process.exit(0));
