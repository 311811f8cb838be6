/**
 * `lectern new course|speech|lecture|writeup`: a skeleton with every field
 * explained in a comment. Required fields hold placeholders that `lectern check`
 * refuses ("" and YYYY-MM-DD), so nothing half-filled gets published; optional
 * fields are commented out with an example value.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../archive/content-dir.ts';
import { cliMessages, type CliMessages } from '../i18n/messages.ts';
import { fill } from '../i18n/ui.ts';
import { isValidId, uniqueId } from '../lib/slug.ts';
import { documentKinds, kindFolders, type DocumentKind } from '../schemas/document.ts';
import { documentIds } from './course-folder.ts';
import { parseOrExit, type CliIo } from './io.ts';

export type SkeletonType = 'course' | DocumentKind;
export const skeletonTypes: SkeletonType[] = ['course', ...documentKinds];

type FieldKey = keyof CliMessages['new']['fields'];

/** One field of a skeleton: its YAML lines, whether it is required, the comment that explains it. */
interface SkeletonField {
  comment: FieldKey;
  required: boolean;
  yaml: string[];
}

const field = (comment: FieldKey, required: boolean, ...yaml: string[]): SkeletonField => ({ comment, required, yaml });

const COMMON_HEAD = [field('title', true, 'title: ""'), field('subtitle', false, 'subtitle: ""'), field('date', true, 'date: YYYY-MM-DD')];
const COMMON_TAIL = [
  field('source', false, 'source: ""'),
  field('sourceUrl', false, 'sourceUrl: https://www.example.gov.cn/'),
  field('authors', false, 'authors: [""]'),
  field('summary', false, 'summary: ""'),
  field('tags', false, 'tags: [""]'),
  field('omitted', false, 'omitted: { chars: 4864, note: "" }'),
  field('attachments', false, 'attachments:', '  - file: media/slides.pdf', '    title: ""'),
  field('draft', false, 'draft: true'),
];

const SKELETONS: Record<SkeletonType, SkeletonField[]> = {
  speech: [...COMMON_HEAD, field('speaker', false, 'speaker: { name: "", position: "" }'), field('occasion', false, 'occasion: ""'), ...COMMON_TAIL],
  lecture: [
    ...COMMON_HEAD,
    field('lecturers', true, 'lecturers: [""]'),
    field('format', false, 'format: ""'),
    field('series', false, 'series: ""'),
    ...COMMON_TAIL,
  ],
  writeup: [
    ...COMMON_HEAD,
    ...COMMON_TAIL.slice(0, 3),
    field('reporters', false, 'reporters: [""]'),
    field('correspondents', false, 'correspondents: [""]'),
    field('photographers', false, 'photographers: [""]'),
    field('editors', false, 'editors: [""]'),
    field('images', false, 'images:', '  - src: media/photo.jpg', '    caption: ""'),
    ...COMMON_TAIL.slice(3),
  ],
  course: [
    field('courseTitle', true, 'title: ""'),
    field('subtitle', false, 'subtitle: ""'),
    field('start', true, 'start: YYYY-MM-DD'),
    field('end', true, 'end: YYYY-MM-DD'),
    field('venue', true, 'venue: ""'),
    field('organizers', true, 'organizers: [""]'),
    field('hosts', false, 'hosts: [""]'),
    field('participants', false, 'participants: { description: "", count: 100 }'),
    field('sessions', false, 'sessions:', '  - date: YYYY-MM-DD', '    period: 上午', '    kind: opening', '    title: ""', '    speakers: [""]', '    document: ""'),
    field('summary', false, 'summary: ""'),
    field('tags', false, 'tags: [""]'),
    field('draft', false, 'draft: true'),
  ],
};

/** The skeleton file of a type, comments in the locale of the messages. */
export function skeleton(type: SkeletonType): string {
  const words = cliMessages().new.fields;
  const lines = ['---', `# ${fill(words.kind, { kind: type })}`];
  for (const entry of SKELETONS[type]) {
    lines.push(`# ${words[entry.comment]}`);
    for (const yaml of entry.yaml) lines.push(entry.required ? yaml : `# ${yaml}`);
  }
  lines.push('---', '', `<!-- ${type === 'course' ? words.courseBody : words.body} -->`, '');
  return lines.join('\n');
}

export async function runNew(argv: string[], io: CliIo): Promise<number> {
  const words = cliMessages();
  const parsed = parseOrExit(
    () => parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        course: { type: 'string' },
        id: { type: 'string' },
        stdout: { type: 'boolean' },
        force: { type: 'boolean' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
    words.help.new,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const usage = (message: string) => {
    io.stderr.write(`${message}\n\n${words.help.new}`);
    return 2;
  };
  const [type, ...extra] = positionals;
  if (!skeletonTypes.includes(type as SkeletonType) || extra.length > 0) {
    return usage(fill(words.usage.badNewType, { type: [type ?? '', ...extra].join(' ') }));
  }
  for (const option of ['course', 'id'] as const) {
    const value = values[option];
    if (value !== undefined && !isValidId(value)) return usage(fill(words.usage.badId, { option: `--${option}`, value }));
  }
  const text = skeleton(type as SkeletonType);
  const content = values.content ? path.resolve(io.cwd, values.content) : contentDir(io.cwd);

  let file: string;
  if (type === 'course') {
    const id = values.id ?? values.course;
    if (values.stdout || id === undefined) {
      if (!values.stdout && id === undefined) return usage(words.usage.needCourseId);
      io.stdout.write(text);
      return 0;
    }
    file = path.join(content, id, 'course.md');
  } else {
    if (values.stdout || values.course === undefined) {
      io.stdout.write(text);
      return 0;
    }
    const kind = type as DocumentKind;
    const courseDir = path.join(content, values.course);
    const taken = new Set(Object.values(documentIds(courseDir)).flatMap((ids) => [...ids]));
    const id = values.id ?? uniqueId(`new-${kind}`, taken);
    file = path.join(courseDir, kindFolders[kind], `${id}.md`);
  }
  const shown = path.relative(io.cwd, file) || file;
  if (existsSync(file) && !values.force) {
    io.stderr.write(`${fill(words.new.exists, { file: shown })}\n`);
    return 1;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  io.stdout.write(`${fill(words.new.written, { file: shown })}\n`);
  return 0;
}
