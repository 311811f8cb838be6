import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { courseSchema, type Course } from '../schemas/course.ts';
import { documentKinds, documentSchemas, kindFolders, type DocumentData, type DocumentKind } from '../schemas/document.ts';
import { peopleFileSchema, type Person } from '../schemas/person.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { buildPeopleIndex, type PeopleIndex } from '../lib/people.ts';
import { toPartialDate } from '../lib/partial-date.ts';
import { isValidId, personIdFromName } from '../lib/slug.ts';
import { frontmatterAsAstroReadsIt, parseLocatedYaml, splitFrontmatter, type LocatedYaml, type SplitFile } from './frontmatter.ts';
import { describeValue, fieldName, issuesToProblems, problemMessage, type Problem } from './problems.ts';
import { readTextFile } from './read-text.ts';
import { limits } from './limits.ts';
import { permalinkProblems } from './permalinks.ts';
import { courseSelected, selectedCourse } from './course-filter.ts';
import { bytesHash, CheckCache, type CachedFile } from './check-cache.ts';
import { settledIdentity } from './file-identity.ts';
import { ReadAhead, type AheadReading } from './read-ahead.ts';

export interface ArchiveCourse {
  id: string;
  /** `xinyang-2024/course.md` */
  file: string;
  data: Course;
  body: string;
  /** Hash of the file's text (check-cache.ts), when the archive was read with a check cache. */
  textHash?: string;
}

export interface ArchiveDocument {
  course: string;
  id: string;
  kind: DocumentKind;
  /** `xinyang-2024/writeups/ceji.md` */
  file: string;
  data: DocumentData;
  body: string;
  /** File line where the body starts, for problems found in the body. */
  bodyLine: number;
  /** Hash of the file's text (check-cache.ts), when the archive was read with a check cache. */
  textHash?: string;
}

/** The whole content folder, read and validated without Astro. */
export interface Archive {
  root: string;
  site: Site | undefined;
  people: Person[];
  peopleIndex: PeopleIndex;
  courses: ArchiveCourse[];
  documents: ArchiveDocument[];
  problems: Problem[];
  /** How many files were read, for the summary line. */
  fileCount: number;
  /** Of those, how many had their front matter parsed by the read-ahead on another core (read-ahead.ts). */
  parsedAhead: number;
}

const MEDIA_FOLDER = 'media';
/** Ids of pages every course has beside its documents (`/courses/<course>/print/`). */
const RESERVED_DOCUMENT_IDS = new Set(['print']);
const folderKinds = new Map(documentKinds.map((kind) => [kindFolders[kind], kind] as const));

/** What a path of the content folder is; `refused` when it is a link the reader will not follow. */
type EntryType = 'file' | 'directory' | 'other' | 'missing' | 'refused';

/**
 * Reads every file of a content folder and collects every problem in it, so an
 * editor sees the whole list at once. Never throws for bad content: files over
 * the limits of `limits.ts`, files that are not UTF-8 text and symbolic links
 * that leave the folder are problems like any other.
 */
export function readArchive(root: string, options: ReadOptions = {}): Archive {
  const reader = new ArchiveReader(path.resolve(root), options.course ?? selectedCourse(), options.cacheFile ? new CheckCache(options.cacheFile) : undefined, options.readAhead ?? false);
  return reader.read();
}

export interface ReadOptions {
  /** Read only this course folder (with site.yaml and people.yaml); default `LECTERN_COURSE`. */
  course?: string;
  /** A file where clean readings of unchanged files are kept between reads (check-cache.ts). */
  cacheFile?: string;
  /**
   * Parse front matter on a second core as well (read-ahead.ts), for an archive of many
   * courses: worth it when most files must be parsed, a first check or one without a cache.
   * Or a read-ahead started before, whose readings are taken as far as they go.
   */
  readAhead?: boolean | ReadAhead;
}

/** Fewer course folders than this are checked faster than a worker thread starts. */
const READ_AHEAD_COURSES = 20;

class ArchiveReader {
  private problems: Problem[] = [];
  private parsedCourses = new Map<string, ParsedMarkdown>();
  private entryTypes = new Map<string, EntryType>();
  private fileCount = 0;

  private readonly root: string;
  /** The root with its own links resolved, to tell where a link inside it leads. */
  private readonly realRoot: string;
  private readonly course: string | undefined;
  private readonly cache: CheckCache | undefined;
  /** Markdown files read and validated this time, to be remembered when they had no problem. */
  private readonly fresh: { file: string; entry: CachedFile }[] = [];
  private readonly readAhead: boolean | ReadAhead;
  private ahead: ReadAhead | undefined;
  /** Files whose front matter was taken from the read-ahead. */
  private parsedAhead = 0;

  constructor(root: string, course: string | undefined, cache: CheckCache | undefined, readAhead: boolean | ReadAhead) {
    this.root = root;
    this.realRoot = existsSync(root) ? realpathSync(root) : root;
    this.course = course;
    this.cache = cache;
    this.readAhead = readAhead;
  }

  read(): Archive {
    const site = this.guard('site.yaml', () => this.readSite());
    const people = this.guard('people.yaml', () => this.readPeople()) ?? [];
    const peopleIndex = buildPeopleIndex(people);
    const courses: ArchiveCourse[] = [];
    const documents: ArchiveDocument[] = [];
    const folders = this.listDir('').filter((name) => this.entryType(name) === 'directory');
    if (this.course !== undefined && !folders.some((name) => courseSelected(this.course, name))) {
      this.problems.push({ file: `${this.course}/`, message: problemMessage('courseNotFound', { course: this.course, known: folders.join(', ') || '—' }) });
    }
    if (this.readAhead instanceof ReadAhead) this.ahead = this.readAhead;
    else if (this.readAhead && folders.length >= READ_AHEAD_COURSES) this.ahead = ReadAhead.start(this.root, this.course, Object.values(kindFolders));
    try {
      for (const name of folders) {
        if (!courseSelected(this.course, name)) continue;
        const course = this.guard(`${name}/course.md`, () => this.readCourse(name));
        const { documents: docs, ids } = this.readCourseDocuments(name);
        this.checkAgenda(name, ids);
        this.guard(`${name}/${MEDIA_FOLDER}/`, () => this.checkMedia(`${name}/${MEDIA_FOLDER}`));
        if (course) courses.push(course);
        documents.push(...docs);
      }
    } finally {
      this.ahead?.stop();
    }
    this.problems.push(...permalinkProblems(this.root, documents, courses, this.course));
    if (this.cache) {
      const troubled = new Set(this.problems.map((problem) => problem.file));
      for (const read of this.fresh) if (!troubled.has(read.file)) this.cache.set(read.file, read.entry);
      this.cache.save();
    }
    return {
      root: this.root,
      site,
      people,
      peopleIndex,
      courses,
      documents,
      problems: this.problems,
      fileCount: this.fileCount,
      parsedAhead: this.parsedAhead,
    };
  }

  private readSite(): Site | undefined {
    const file = 'site.yaml';
    const type = this.entryType(file);
    if (type === 'refused') return undefined;
    if (type === 'missing' && this.entryType('') !== 'directory') {
      this.problems.push({ file: this.root, message: problemMessage('missingContent') });
      return undefined;
    }
    if (type === 'missing') {
      this.problems.push({ file, message: problemMessage('missingSite') });
      return undefined;
    }
    return this.readCheckedYaml(file, siteSchema)?.data;
  }

  private readPeople(): Person[] {
    const file = 'people.yaml';
    const type = this.entryType(file);
    if (type === 'missing' || type === 'refused') return [];
    const read = this.readCheckedYaml(file, peopleFileSchema, []);
    if (!read) return [];
    const { data: people, yaml } = read;
    const seen = new Set<string>();
    people.forEach((person, index) => {
      const id = person.id ?? personIdFromName(person.name);
      if (seen.has(id)) {
        this.problems.push({ file, line: yaml.lineOf([index]), field: `[${index}].id`, message: problemMessage('duplicatePersonId', { id }) });
      }
      seen.add(id);
    });
    return people;
  }

  private readCourse(folder: string): ArchiveCourse | undefined {
    if (!isValidId(folder)) {
      this.problems.push({ file: `${folder}/`, message: problemMessage('badId', { name: folder }) });
    }
    const file = `${folder}/course.md`;
    const type = this.entryType(file);
    if (type === 'refused') return undefined;
    if (type === 'missing') {
      this.problems.push({ file: `${folder}/`, message: problemMessage('missingCourseFile') });
      return undefined;
    }
    const parsed = this.readMarkdown(file);
    if (!parsed) return undefined;
    this.parsedCourses.set(file, parsed);
    const data = this.validated(courseSchema, parsed, file);
    this.checkCourseDates(file, parsed);
    if (!data) return undefined;
    return withBody({ id: folder, file, data, textHash: parsed.hash }, parsed.body);
  }

  /** Dates are compared on the raw values, so they are checked even when another field is wrong. */
  private checkCourseDates(file: string, parsed: ParsedMarkdown): void {
    const raw = asRecord(parsed.yaml.value);
    const start = toPartialDate(raw.start);
    const end = toPartialDate(raw.end);
    const lineOf = (path: (string | number)[]) => parsed.yamlLine + parsed.yaml.lineOf(path) - 1;
    if (start && end && end < start) {
      this.problems.push({ file, line: lineOf(['end']), field: 'end', message: problemMessage('endBeforeStart', { start, end }) });
    }
    if (!start || !end || start > end) return;
    asArray(raw.sessions).forEach((session, index) => {
      // A session's date is compared at the precision both dates share.
      const day = toPartialDate(asRecord(session).date);
      if (!day) return;
      if (day < start.slice(0, day.length) || day.slice(0, end.length) > end) {
        this.problems.push({
          file,
          line: lineOf(['sessions', index, 'date']),
          field: `sessions[${index}].date`,
          message: problemMessage('sessionOutside', { date: day, start, end }),
        });
      }
    });
  }

  /** The course's documents, and the ids of all its document files (valid or not). */
  private readCourseDocuments(course: string): { documents: ArchiveDocument[]; ids: Set<string> } {
    const documents: ArchiveDocument[] = [];
    const ids = new Map<string, string>();
    for (const entry of this.listDir(course)) {
      const sub = `${course}/${entry}`;
      if (this.entryType(sub) !== 'directory') continue;
      if (entry === MEDIA_FOLDER) continue;
      const kind = folderKinds.get(entry);
      if (!kind) {
        this.problems.push({ file: `${sub}/`, message: problemMessage('unknownFolder', { folder: entry }) });
        continue;
      }
      for (const name of this.listDir(sub)) {
        if (!/\.mdx?$/.test(name)) continue;
        const file = `${sub}/${name}`;
        if (this.entryType(file) === 'refused') continue;
        const id = name.replace(/\.mdx?$/, '');
        if (!isValidId(id)) {
          this.problems.push({ file, message: problemMessage('badId', { name: id }) });
        }
        if (RESERVED_DOCUMENT_IDS.has(id)) {
          this.problems.push({ file, message: problemMessage('reservedId', { id, path: `/courses/${course}/${id}/` }) });
        }
        const other = ids.get(id);
        if (other) {
          this.problems.push({ file, message: problemMessage('duplicateId', { id, course, other }) });
        }
        ids.set(id, file);
        const document = this.guard(file, () => this.readDocument(file, course, id, kind));
        if (document) documents.push(document);
      }
    }
    return { documents, ids: new Set(ids.keys()) };
  }

  private readDocument(file: string, course: string, id: string, kind: DocumentKind): ArchiveDocument | undefined {
    const parsed = this.readMarkdown(file);
    if (!parsed) return undefined;
    const schema: z.ZodType<DocumentData> = documentSchemas[kind];
    const data = this.validated(schema, parsed, file);
    const raw = asRecord(parsed.yaml.value);
    this.checkFiles(file, parsed, [
      ...rawFiles(raw.attachments, 'attachments', 'file'),
      ...rawFiles(raw.images, 'images', 'src'),
    ]);
    if (!data) return undefined;
    return withBody({ course, id, kind, file, data, bodyLine: parsed.bodyLine, textHash: parsed.hash }, parsed.body);
  }

  /**
   * Images and attachments are paths relative to the course folder and must exist
   * in its `media/` folder, the only one the build publishes.
   */
  private checkFiles(file: string, parsed: ParsedMarkdown, files: FieldFile[]): void {
    const courseDir = path.dirname(this.abs(file)).replace(/[\\/](speeches|lectures|writeups)$/, '');
    const mediaDir = path.join(courseDir, MEDIA_FOLDER);
    for (const { path: fieldPath, value } of files) {
      const target = path.resolve(courseDir, value);
      const inside = isInside(mediaDir, target);
      if (!inside || !isFile(target)) {
        this.problems.push({
          file,
          line: parsed.yamlLine + parsed.yaml.lineOf(fieldPath) - 1,
          field: fieldName(fieldPath),
          message: problemMessage(inside || !isFile(target) ? 'missingFile' : 'fileOutsideMedia', { file: value }),
        });
      }
    }
  }

  /**
   * The build copies a course's `media/` folder as it is, so every link in it is
   * checked here: one leading out of the content folder would publish that file.
   */
  private checkMedia(folder: string, seen = new Set<string>()): void {
    if (this.entryType(folder) !== 'directory') return;
    // A link back to a folder already walked would loop forever.
    const real = realpathSync(this.abs(folder));
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(this.abs(folder)).sort()) {
      const entry = `${folder}/${name}`;
      if (this.entryType(entry) === 'directory') this.checkMedia(entry, seen);
    }
  }

  /** Every `document:` of the agenda must name a document of the same course. */
  private checkAgenda(folder: string, known: ReadonlySet<string>): void {
    const file = `${folder}/course.md`;
    const parsed = this.parsedCourses.get(file);
    if (!parsed) return;
    asArray(asRecord(parsed.yaml.value).sessions).forEach((session, index) => {
      const id = asRecord(session).document;
      if (typeof id !== 'string' || known.has(id)) return;
      this.problems.push({
        file,
        line: parsed.yamlLine + parsed.yaml.lineOf(['sessions', index, 'document']) - 1,
        field: `sessions[${index}].document`,
        message: problemMessage('agendaDocument', { id, known: [...known].sort().join(', ') || '—' }),
      });
    });
  }

  /** The front matter through `schema`, or what it gave the last time the file had this text. */
  private validated<T>(schema: z.ZodType<T>, parsed: ParsedMarkdown, file: string): T | undefined {
    if (parsed.cached) return parsed.cached.data as T;
    const data = this.validate(schema, parsed.yaml, file, parsed.yamlLine, parsed.astroValue);
    if (data !== undefined && parsed.hash !== undefined) {
      this.fresh.push({ file, entry: { hash: parsed.hash, value: parsed.yaml.value, data, identity: parsed.identity, bodyLine: parsed.bodyLine } });
    }
    return data;
  }

  /**
   * Validates the front matter as the check reads it and, for Markdown files, as
   * the build will (`astroValue`): a value must pass both. The build's reader
   * turns an unquoted `2024-13-45` into a valid date in 2025, and an unquoted
   * `title: 2024-11-26` into a date that is not text.
   */
  private validate<T>(schema: z.ZodType<T>, yaml: LocatedYaml, file: string, firstLine: number, astroValue?: unknown): T | undefined {
    const result = schema.safeParse(yaml.value ?? {});
    if (!result.success) {
      this.problems.push(...issuesToProblems(result.error.issues, { file, yaml, firstLine }));
      return undefined;
    }
    if (astroValue === undefined) return result.data;
    const asBuilt = schema.safeParse(astroValue);
    if (asBuilt.success) return result.data;
    const hint = problemMessage('readDifferently');
    const problems = issuesToProblems(asBuilt.error.issues, { file, yaml: { ...yaml, value: astroValue }, firstLine });
    this.problems.push(...problems.map((problem) => ({ ...problem, message: `${problem.message} ${hint}` })));
    return undefined;
  }

  private readMarkdown(file: string): ParsedMarkdown | undefined {
    // Taken before the file is read: a write in between changes it, and the next check reads the file again.
    const identity = this.cache ? settledIdentity(this.abs(file)) : undefined;
    const known = identity === undefined ? undefined : this.cache?.unchanged(file, identity);
    if (known?.bodyLine !== undefined) return this.unchangedMarkdown(file, known, known.bodyLine);
    const read = this.readText(file);
    if (read === undefined) return undefined;
    const { text } = read;
    const split = splitFrontmatter(text);
    if (split.yaml === undefined) {
      this.problems.push({ file, line: 1, message: problemMessage('noFrontmatter') });
      return undefined;
    }
    const body = () => split.body;
    const hash = this.cache || this.ahead ? bytesHash(read.bytes) : undefined;
    const cached = hash === undefined ? undefined : this.cache?.get(file, hash, identity);
    if (cached) {
      // A cached file passed both readings last time; it is not validated again.
      const source = split.yaml;
      const yaml = locatedWhenAsked(() => source, cached.value);
      return { yaml, astroValue: undefined, yamlLine: split.yamlLine, body, bodyLine: split.bodyLine, hash, cached, identity };
    }
    const ahead = hash === undefined ? undefined : this.ahead?.take(file, hash);
    if (ahead) this.parsedAhead++;
    const source = split.yaml;
    const yaml = this.parseYaml(file, source, split.yamlLine, ahead ? () => locatedReading(source, ahead.yaml) : undefined);
    if (!yaml) return undefined;
    const astro = ahead?.astro ?? frontmatterAsAstroReadsIt(text);
    if ('error' in astro) {
      this.problems.push({ file, line: astro.error.line, message: problemMessage('yaml', { reason: astro.error.reason }) });
      return undefined;
    }
    return { yaml, astroValue: astro.value, yamlLine: split.yamlLine, body, bodyLine: split.bodyLine, hash, identity };
  }

  /**
   * A Markdown file as it was at the last check, not read: its front matter from the
   * cache, its text read only if the build asks for its body or a rule for a line.
   */
  private unchangedMarkdown(file: string, cached: CachedFile, bodyLine: number): ParsedMarkdown {
    this.fileCount++;
    const absolute = this.abs(file);
    let split: SplitFile | undefined;
    const parts = () => {
      if (split) return split;
      const read = readTextFile(absolute);
      if (!read.ok) throw new Error(problemMessage('changedDuringBuild', { file }));
      return (split = splitFrontmatter(read.text));
    };
    const yaml = locatedWhenAsked(() => parts().yaml ?? '', cached.value);
    return { yaml, astroValue: undefined, yamlLine: FRONTMATTER_LINE, body: () => parts().body, bodyLine, hash: cached.hash, cached, identity: cached.identity };
  }

  /**
   * A YAML file through `schema` (`empty` for an empty file, when it may be), or what it
   * gave the last time the file had this text: a people.yaml of 1,300 people took 0.3 s
   * to parse with line numbers.
   */
  private readCheckedYaml<T>(file: string, schema: z.ZodType<T>, empty?: T): { data: T; yaml: LocatedYaml } | undefined {
    const read = this.readText(file);
    if (read === undefined) return undefined;
    const { text } = read;
    const hash = this.cache ? bytesHash(read.bytes) : undefined;
    const cached = hash === undefined ? undefined : this.cache?.get(file, hash);
    if (cached) return { data: cached.data as T, yaml: locatedWhenAsked(() => text, cached.value) };
    const yaml = this.parseYaml(file, text, 1);
    if (!yaml) return undefined;
    if (empty !== undefined && (yaml.value === undefined || yaml.value === null)) return { data: empty, yaml };
    const data = this.validate(schema, yaml, file, 1);
    if (data === undefined) return undefined;
    if (hash !== undefined) this.fresh.push({ file, entry: { hash, value: yaml.value, data } });
    return { data, yaml };
  }

  /** `source` parsed (or as `parsed` gives it, the same reading made elsewhere), with what is wrong with it reported. */
  private parseYaml(file: string, source: string, firstLine: number, parsed = () => parseLocatedYaml(source)): LocatedYaml | undefined {
    const yaml = parsed();
    if (yaml.error) {
      const { kind, line, reason } = yaml.error;
      const message =
        kind === 'aliases' ? problemMessage('yamlAliases', { limit: limits.yamlAliases })
        : kind === 'depth' ? problemMessage('yamlDepth')
        : problemMessage('yaml', { reason });
      this.problems.push({ file, line: line + firstLine - 1, message });
      return undefined;
    }
    const value = yaml.value;
    const isList = file.endsWith('people.yaml');
    const shapeOk = value === null || value === undefined || (typeof value === 'object' && !(value instanceof Date) && Array.isArray(value) === isList);
    if (!shapeOk) {
      this.problems.push({ file, line: firstLine, message: problemMessage('notMapping', { found: describeValue(value) }) });
      return undefined;
    }
    return yaml;
  }

  private readText(file: string): { text: string; bytes: Uint8Array } | undefined {
    this.fileCount++;
    const result = readTextFile(this.abs(file));
    if (result.ok) return result;
    this.problems.push({ file, line: result.line, message: problemMessage(result.key, result.params) });
    return undefined;
  }

  /** Runs the reading of one file so that whatever it throws becomes a problem naming the file. */
  private guard<T>(file: string, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.problems.push({ file, message: problemMessage('unreadable', { reason }) });
      return undefined;
    }
  }

  private listDir(relative: string): string[] {
    if (this.entryType(relative) !== 'directory') return [];
    // Hidden files are skipped, as Astro's glob loader skips them. Names starting
    // with `_` are not: the loader reads them, so the check must too.
    return (this.guard(`${relative}/`, () => readdirSync(this.abs(relative))) ?? [])
      .filter((name) => !name.startsWith('.'))
      .sort();
  }

  /** What `relative` is, following a symbolic link only while it stays inside the content folder. */
  private entryType(relative: string): EntryType {
    let type = this.entryTypes.get(relative);
    if (type === undefined) {
      type = this.inspect(relative);
      this.entryTypes.set(relative, type);
    }
    return type;
  }

  private inspect(relative: string): EntryType {
    const absolute = this.abs(relative);
    let stat;
    try {
      stat = lstatSync(absolute);
      if (stat.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          this.problems.push({ file: relative, message: problemMessage('brokenLink') });
          return 'refused';
        }
        if (!isInside(this.realRoot, target)) {
          this.problems.push({ file: relative, message: problemMessage('linkOutside', { target }) });
          return 'refused';
        }
        stat = statSync(target);
      }
    } catch {
      return 'missing';
    }
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  }

  private abs(relative: string): string {
    return path.join(this.root, relative);
  }
}

/**
 * A cached file's YAML `value`, parsed again for line numbers only when a cross-file rule
 * finds a problem in it and asks where.
 */
function locatedWhenAsked(source: () => string, value: unknown): LocatedYaml {
  let located: LocatedYaml | undefined;
  const locate = () => (located ??= parseLocatedYaml(source()));
  return { value, lineOf: (at) => locate().lineOf(at), lineOfKey: (at, key) => locate().lineOfKey(at, key) };
}

/** The worker's reading of front matter (read-ahead.ts) as `parseLocatedYaml` would have given it. */
function locatedReading(source: string, reading: AheadReading['yaml']): LocatedYaml {
  if ('error' in reading) return { ...locatedWhenAsked(() => source, undefined), error: reading.error };
  return locatedWhenAsked(() => source, reading.value);
}

/** A document or course with its `body`, read from the file when first asked for (`unchangedMarkdown`). */
function withBody<T extends object>(item: T, body: () => string): T & { body: string } {
  let text: string | undefined;
  return Object.defineProperty(item, 'body', { enumerable: true, get: () => (text ??= body()) }) as T & { body: string };
}

/** The line the front matter starts on: the one after the opening `---`. */
const FRONTMATTER_LINE = 2;

interface ParsedMarkdown {
  yaml: LocatedYaml;
  /** The front matter as the build's loader reads it (`frontmatterAsAstroReadsIt`). */
  astroValue: unknown;
  yamlLine: number;
  body: () => string;
  bodyLine: number;
  /** Hash of the file's whole text, which keys the check cache (when there is one). */
  hash?: string;
  /** The file's identity before it was read, if it had settled (file-identity.ts). */
  identity?: string;
  /** What the check cache remembers of this exact text, when it does. */
  cached?: CachedFile;
}

interface FieldFile {
  path: (string | number)[];
  value: string;
}

function isFile(target: string): boolean {
  return existsSync(target) && statSync(target).isFile();
}

/** Whether `target` is `folder` itself or lies below it. */
function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `images[i].src`-style paths found in raw front matter, whatever else is wrong with it. */
function rawFiles(list: unknown, field: string, key: string): FieldFile[] {
  return asArray(list).flatMap((item, index) => {
    const value = asRecord(item)[key];
    return typeof value === 'string' && value.trim() !== '' ? [{ path: [field, index, key], value }] : [];
  });
}
