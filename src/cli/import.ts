/**
 * `lectern import FILE… [--course ID] [--kind K] [--dry-run] [--json] [--force]`:
 * files and folders in, documents (and the images of .docx files) written into
 * a course folder, every guess and dropped line reported.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../archive/content-dir.ts';
import { cliMessages } from '../i18n/messages.ts';
import { fill } from '../i18n/ui.ts';
import { isValidId } from '../lib/slug.ts';
import { documentKinds, kindFolders, type DocumentKind } from '../schemas/document.ts';
import { documentToMarkdown } from '../import/frontmatter.ts';
import { formatOf, ImportError, importableExtensions, importFile, type ImportedFile } from '../import/import-file.ts';
import { warningMessage, warningToJson } from '../import/warning-message.ts';
import { courseYear, documentIds, listCourses } from './course-folder.ts';
import { parseOrExit, type CliIo } from './io.ts';

type Outcome = 'written' | 'dryRun' | 'exists' | 'failed';

interface FileReport {
  source: string;
  outcome: Outcome;
  result?: ImportedFile;
  /** Path of the document, relative to the working directory. */
  target?: string;
  reason?: string;
}

/** How many warnings a file prints before "… and N more". */
const SHOWN_WARNINGS = 12;

export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const words = cliMessages();
  const parsed = parseOrExit(
    () => parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        course: { type: 'string' },
        kind: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        force: { type: 'boolean' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
    words.help.import,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const usage = (message: string) => {
    io.stderr.write(`${message}\n\n${words.help.import}`);
    return 2;
  };
  if (positionals.length === 0) return usage(words.usage.noFiles);
  const kind = values.kind as DocumentKind | undefined;
  if (kind !== undefined && !documentKinds.includes(kind)) return usage(fill(words.usage.badKind, { kind: values.kind ?? '' }));
  const content = values.content ? path.resolve(io.cwd, values.content) : contentDir(io.cwd);
  const dryRun = values['dry-run'] === true;
  const course = values.course;
  if (course !== undefined && !isValidId(course)) return usage(fill(words.usage.badId, { option: '--course', value: course }));
  if (course === undefined && !dryRun) {
    return usage(fill(words.usage.needCourse, { content: relative(io.cwd, content), courses: listCourses(content).join(', ') || '—' }));
  }

  const { files, reports } = expandInputs(positionals, io.cwd);
  const courseDir = course === undefined ? undefined : path.join(content, course);
  const existing = courseDir ? documentIds(courseDir) : undefined;
  const contextYear = courseDir ? courseYear(courseDir) : undefined;
  const runIds = new Set<string>();
  const takenIds = (docKind: DocumentKind) => {
    const taken = new Set(runIds);
    if (existing) for (const other of documentKinds) if (other !== docKind) for (const id of existing[other]) taken.add(id);
    return taken;
  };
  if (courseDir && !dryRun && !existsSync(path.join(courseDir, 'course.md')) && !values.json) {
    io.stderr.write(`${fill(words.import.noCourseFile, { course: course ?? '' })}\n`);
  }

  const progress = files.length > 1 && io.isTTY === true && !values.json;
  for (const [n, file] of files.entries()) {
    if (progress) io.stderr.write(`\r${bar(n, files.length)} ${n}/${files.length} ${path.basename(file)}\x1b[K`);
    reports.push(await importOne(file, { kind, contextYear, takenIds, courseDir, dryRun, force: values.force === true, io }));
    const last = reports.at(-1);
    if (last?.result) runIds.add(last.result.id);
  }
  if (progress) io.stderr.write(`\r${bar(files.length, files.length)} ${files.length}/${files.length}\x1b[K\n`);

  if (values.json) {
    const json = reports.map((report) => reportToJson(report));
    io.stdout.write(`${JSON.stringify(json.length === 1 ? json[0] : json, null, 2)}\n`);
  } else {
    for (const report of reports) printReport(report, io);
    if (reports.length > 1 || positionals.some((p) => isDirectory(path.resolve(io.cwd, p)))) printSummary(reports, io);
  }
  return reports.every((r) => r.outcome === 'written' || r.outcome === 'dryRun') ? 0 : 1;
}

interface ImportContext {
  kind?: DocumentKind;
  contextYear?: number;
  takenIds: (kind: DocumentKind) => Set<string>;
  courseDir?: string;
  dryRun: boolean;
  force: boolean;
  io: CliIo;
}

async function importOne(file: string, context: ImportContext): Promise<FileReport> {
  const source = relative(context.io.cwd, file);
  let result: ImportedFile;
  try {
    result = await importFile(readFileSync(file), file, { kind: context.kind, contextYear: context.contextYear, takenIds: context.takenIds });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { source, outcome: 'failed', reason: error.reason };
  }
  const folder = context.courseDir ?? path.join(contentDir(context.io.cwd), '<course>');
  const documentPath = path.join(folder, kindFolders[result.kind], `${result.id}.md`);
  const target = relative(context.io.cwd, documentPath);
  if (context.dryRun) return { source, outcome: 'dryRun', result, target };
  const mediaPaths = result.imageFiles.map((image) => path.join(folder, image.src));
  if (!context.force && [documentPath, ...mediaPaths].some((p) => existsSync(p))) return { source, outcome: 'exists', result, target };
  mkdirSync(path.dirname(documentPath), { recursive: true });
  writeFileSync(documentPath, documentToMarkdown(result.frontmatter, result.body));
  result.imageFiles.forEach((image, i) => {
    mkdirSync(path.dirname(mediaPaths[i]), { recursive: true });
    writeFileSync(mediaPaths[i], image.bytes);
  });
  return { source, outcome: 'written', result, target };
}

/** Files named and the importable files of folders named; missing and unsupported ones as failures. */
function expandInputs(inputs: string[], cwd: string): { files: string[]; reports: FileReport[] } {
  const words = cliMessages();
  const files: string[] = [];
  const reports: FileReport[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    if (!existsSync(full)) {
      reports.push({ source: input, outcome: 'failed', reason: words.import.missing });
    } else if (isDirectory(full)) {
      const inside = readdirSync(full)
        .filter((name) => !name.startsWith('.') && !name.startsWith('~$') && formatOf(name) !== undefined)
        .sort()
        .map((name) => path.join(full, name))
        .filter((p) => !isDirectory(p));
      if (inside.length === 0) reports.push({ source: input, outcome: 'failed', reason: fill(words.import.emptyFolder, { folder: input }) });
      files.push(...inside);
    } else if (formatOf(full) === undefined) {
      reports.push({ source: input, outcome: 'failed', reason: fill(words.import.unsupported, { extensions: importableExtensions.join(', ') }) });
    } else {
      files.push(full);
    }
  }
  return { files, reports };
}

function reportToJson(report: FileReport): Record<string, unknown> {
  if (!report.result) return { source: report.source, error: report.reason };
  const { kind, id, frontmatter, body, warnings } = report.result;
  return {
    source: report.source,
    target: report.target,
    written: report.outcome === 'written',
    ...(report.outcome === 'exists' ? { error: 'exists' } : {}),
    kind,
    id,
    frontmatter,
    body,
    warnings: warnings.map((w) => warningToJson(w)),
  };
}

function printReport(report: FileReport, io: CliIo): void {
  const words = cliMessages().import;
  if (!report.result) {
    io.stderr.write(`${fill(words.failed, { source: report.source, reason: report.reason ?? '' })}\n`);
    return;
  }
  const { result } = report;
  const params = { source: report.source, target: report.target ?? '', kind: result.kind, warnings: result.warnings.length };
  if (report.outcome === 'exists') {
    io.stderr.write(`${fill(words.exists, params)}\n`);
    return;
  }
  io.stdout.write(`${fill(report.outcome === 'dryRun' ? words.dryRun : words.written, params)}\n`);
  if (report.outcome === 'written') {
    for (const image of result.imageFiles) io.stdout.write(`${fill(words.media, { file: image.src })}\n`);
  }
  for (const warning of result.warnings.slice(0, SHOWN_WARNINGS)) {
    const message = warningMessage(warning);
    io.stdout.write(`${warning.line === undefined ? fill(words.warning, { message }) : fill(words.warningLine, { line: warning.line, message })}\n`);
  }
  if (result.warnings.length > SHOWN_WARNINGS) io.stdout.write(`${fill(words.moreWarnings, { count: result.warnings.length - SHOWN_WARNINGS })}\n`);
}

/** The table after a folder: one row per file. */
function printSummary(reports: FileReport[], io: CliIo): void {
  const words = cliMessages().import;
  const rows = [
    words.summaryHeader,
    ...reports.map((r) => [r.source, r.result?.kind ?? '—', r.result?.id ?? '—', String(r.result?.warnings.length ?? '—'), words.result[r.outcome]]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]))));
  io.stdout.write('\n');
  rows.forEach((row, i) => {
    io.stdout.write(`${row.map((cell, c) => cell + ' '.repeat(widths[c] - displayWidth(cell))).join('  ').trimEnd()}\n`);
    if (i === 0) io.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  });
  const imported = reports.filter((r) => r.outcome === 'written' || r.outcome === 'dryRun').length;
  const warnings = reports.reduce((sum, r) => sum + (r.result?.warnings.length ?? 0), 0);
  io.stdout.write(`\n${fill(words.done, { imported, failed: reports.length - imported, warnings })}\n`);
}

/** Columns line up in a terminal only if wide (CJK) characters count twice. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function bar(done: number, total: number): string {
  const width = 20;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

function relative(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
}
