import type { z } from 'zod';
import { EXPECT_PREFIX, expectations, type Expectation } from '../schemas/expect.ts';
import { fill } from '../i18n/ui.ts';
import { messages, type ProblemKey } from '../i18n/messages.ts';
import type { LocatedYaml } from './frontmatter.ts';

/** One thing wrong in the archive, in the words the editor will read. */
export interface Problem {
  /** Path relative to the content folder, with `/` separators: `xinyang-2024/speeches/a.md`. */
  file: string;
  /** 1-based line in that file, when the problem has a place. */
  line?: number;
  /** The field, as written in the front matter: `date`, `sessions[2].kind`. */
  field?: string;
  message: string;
}

/**
 * `path:line: field: message`, the form editors and editors' tools (VS Code, grep)
 * understand: always one line, whatever text the file put into the field or message.
 */
export function formatProblem(problem: Problem): string {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const text = problem.field ? `${place}: ${problem.field}: ${problem.message}` : `${place}: ${problem.message}`;
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Sorted by file, then line, so the list reads top to bottom like the files. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)),
  );
}

export function problemMessage(key: ProblemKey, params: Record<string, string | number> = {}): string {
  return fill(messages().problems[key], params);
}

/** `sessions[2].kind` from `['sessions', 2, 'kind']`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('')
    // A YAML key can be a whole mapping, written over several lines.
    .replace(/\s+/g, ' ');
}

/** The value at `path` in raw parsed data, to quote back to the editor. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** How a found value is quoted in a message: strings in quotes, lists and mappings by shape. */
export function describeValue(value: unknown): string {
  const words = messages();
  if (value === undefined || value === null) return words.nothing;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '"?"' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  if (typeof value !== 'object') return String(value);
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

export interface IssueContext {
  file: string;
  yaml: LocatedYaml;
  /** File line of YAML line 1 (2 for front matter after `---`, 1 for a plain YAML file). */
  firstLine: number;
}

/** Zod's issues for one file, as problems with lines and the value that was found. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], context: IssueContext): Problem[] {
  const { file, yaml, firstLine } = context;
  const toFileLine = (yamlLine: number) => yamlLine + firstLine - 1;
  const words = messages();
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          line: toFileLine(yaml.lineOfKey(issue.path, key)),
          field: fieldName([...issue.path, key]),
          message: problemMessage('unknownField'),
        });
      }
      continue;
    }
    const found = valueAt(yaml.value, issue.path);
    const expectation = expectationOf(issue);
    const expected = expectation ? words.expected[expectation] : issue.message;
    problems.push({
      file,
      line: toFileLine(yaml.lineOf(issue.path)),
      field: fieldName(issue.path) || undefined,
      message: `${expected}${words.separator}${words.found} ${describeValue(found)}`,
    });
  }
  return dedupe(problems);
}

function expectationOf(issue: z.core.$ZodIssue): Expectation | undefined {
  if (!issue.message.startsWith(EXPECT_PREFIX)) return undefined;
  const key = issue.message.slice(EXPECT_PREFIX.length);
  return (expectations as readonly string[]).includes(key) ? (key as Expectation) : undefined;
}

/** A union can report the same place twice (once per branch); keep one line per field. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}|${p.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
