import { readArchive, type Archive, type ReadOptions } from '../archive/read-archive.ts';
import { formatProblem, sortProblems } from '../archive/problems.ts';
import { fill } from '../i18n/ui.ts';
import { messages } from '../i18n/messages.ts';

/** Prints every problem of the archive at `root`; returns the archive and whether it is clean. */
export function reportArchive(
  root: string,
  out: NodeJS.WritableStream = process.stdout,
  options: ReadOptions = {},
): { archive: Archive; ok: boolean } {
  const archive = readArchive(root, options);
  const problems = sortProblems(archive.problems);
  for (const problem of problems) out.write(`${formatProblem(problem)}\n`);
  const summary = messages().summary;
  out.write(
    `${fill(problems.length === 0 ? summary.none : summary.some, { count: problems.length, files: archive.fileCount })}\n`,
  );
  return { archive, ok: problems.length === 0 };
}
