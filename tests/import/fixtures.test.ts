/**
 * The import fixtures: each folder under tests/fixtures/import/ holds an input
 * shaped like what editors receive and the expected result. Every expected
 * field counts once; the importer must get at least 95 % of them right, and
 * the front matter must pass the schema the build uses.
 *
 * UPDATE=1 npx vitest run tests/import/fixtures.test.ts rewrites the expected
 * kind, id, front matter, headings and warnings from the current output
 * (bodyIncludes, bodyExcludes and valid are written by hand and kept).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportedFile } from '../../src/import/import-file.ts';
import { documentToMarkdown } from '../../src/import/frontmatter.ts';
import { documentSchemas } from '../../src/schemas/document.ts';
import { validateMarkdown } from '../../src/archive/validate.ts';
import { caseOptions, importCases, importFixturesDir, inputFile, makeInput } from '../helpers/import-fixtures.ts';

interface Expected {
  kind: string;
  id: string;
  frontmatter: Record<string, unknown>;
  headings: string[];
  warnings: string[];
  imageFiles?: number;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  /** false for a case whose front matter cannot be complete (no date in the text). */
  valid?: boolean;
}

const update = process.env.UPDATE === '1';
const cases = importCases();
const results = new Map<string, ImportedFile>();

function expectedFile(name: string): string {
  return path.join(importFixturesDir, name, 'expected.json');
}

function readExpected(name: string): Expected | undefined {
  const file = expectedFile(name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Expected) : undefined;
}

function headingsOf(body: string): string[] {
  return body.split('\n').filter((line) => /^#{1,6} /.test(line));
}

/** One entry per expected field: its name and whether the importer got it right. */
function compare(expected: Expected, actual: ImportedFile): { field: string; ok: boolean }[] {
  const checks: { field: string; ok: boolean }[] = [
    { field: 'kind', ok: actual.kind === expected.kind },
    { field: 'id', ok: actual.id === expected.id },
    { field: 'headings', ok: JSON.stringify(headingsOf(actual.body)) === JSON.stringify(expected.headings) },
    { field: 'warnings', ok: JSON.stringify(actual.warnings.map((w) => w.code).sort()) === JSON.stringify([...expected.warnings].sort()) },
  ];
  const keys = new Set([...Object.keys(expected.frontmatter), ...Object.keys(actual.frontmatter)]);
  for (const key of keys) {
    checks.push({ field: `frontmatter.${key}`, ok: JSON.stringify(actual.frontmatter[key]) === JSON.stringify(expected.frontmatter[key]) });
  }
  if (expected.imageFiles !== undefined) checks.push({ field: 'imageFiles', ok: actual.imageFiles.length === expected.imageFiles });
  for (const text of expected.bodyIncludes ?? []) checks.push({ field: `body includes ${text}`, ok: actual.body.includes(text) });
  for (const text of expected.bodyExcludes ?? []) checks.push({ field: `body excludes ${text}`, ok: !actual.body.includes(text) });
  return checks;
}

beforeAll(async () => {
  for (const name of cases) {
    const file = inputFile(name);
    // The case name stands in for the editor's file name (used when a text has no title).
    results.set(name, await importFile(readFileSync(file), `${name}${path.extname(file)}`, caseOptions(name)));
  }
  if (update) {
    for (const [name, result] of results) {
      const previous = readExpected(name);
      const expected: Expected = {
        kind: result.kind,
        id: result.id,
        frontmatter: result.frontmatter,
        headings: headingsOf(result.body),
        warnings: result.warnings.map((w) => w.code),
        ...(result.imageFiles.length > 0 ? { imageFiles: result.imageFiles.length } : {}),
        bodyIncludes: previous?.bodyIncludes ?? [],
        bodyExcludes: previous?.bodyExcludes ?? [],
        ...(previous?.valid === false ? { valid: false } : {}),
      };
      writeFileSync(expectedFile(name), `${JSON.stringify(expected, null, 2)}\n`);
    }
  }
});

describe('import fixtures', () => {
  it('has at least 20 cases, each with an expected result', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    for (const name of cases) expect(readExpected(name), name).toBeDefined();
  });

  it.each(cases.filter((name) => makeInput(name) !== undefined))('%s: the committed input is what make.json builds', (name) => {
    const made = makeInput(name)!;
    expect(readFileSync(made.file).equals(made.bytes), `${made.file} is stale: run node tests/fixtures/import/make-inputs.ts`).toBe(true);
  });

  it.each(cases)('%s: the front matter passes the schema of its kind', (name) => {
    const result = results.get(name)!;
    const expected = readExpected(name)!;
    const parsed = documentSchemas[result.kind].safeParse(result.frontmatter);
    if (expected.valid === false) {
      // Nothing invented: what the text does not say stays missing and is reported.
      expect(parsed.success).toBe(false);
      expect(result.warnings.some((w) => w.code === 'noDate' || w.code === 'noTitle')).toBe(true);
    } else {
      expect(parsed.error?.issues ?? []).toEqual([]);
      // The file as written reads back through the archive's own validation.
      const validated = validateMarkdown(documentSchemas[result.kind], documentToMarkdown(result.frontmatter, result.body), `${name}.md`);
      expect(validated.problems).toEqual([]);
    }
  });

  it('gets at least 95 % of the expected fields right', () => {
    let right = 0;
    let total = 0;
    const misses: string[] = [];
    const rows: string[] = [];
    for (const name of cases) {
      const checks = compare(readExpected(name)!, results.get(name)!);
      const ok = checks.filter((c) => c.ok).length;
      right += ok;
      total += checks.length;
      rows.push(`${name.padEnd(28)} ${ok}/${checks.length}`);
      misses.push(...checks.filter((c) => !c.ok).map((c) => `${name}: ${c.field}`));
    }
    const accuracy = right / total;
    console.log(`import field accuracy: ${right}/${total} = ${(accuracy * 100).toFixed(1)} %\n${rows.join('\n')}${misses.length ? `\nmissed:\n  ${misses.join('\n  ')}` : ''}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
