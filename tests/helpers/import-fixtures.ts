import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportOptions } from '../../src/import/types.ts';
import { buildDocx, solidPng, type DocxBlock } from './docx.ts';
import { encodeLegacy, encodeUtf16le } from './legacy-encoding.ts';
import { fixture } from './paths.ts';

/** Where the import fixtures live: one folder per case, `input.*` and `expected.json` in each. */
export const importFixturesDir = fixture('import');

export function importCases(): string[] {
  return readdirSync(importFixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The input file of a case: the one named `input.<ext>`. */
export function inputFile(name: string): string {
  const dir = path.join(importFixturesDir, name);
  const file = readdirSync(dir).find((f) => /^input\.\w+$/.test(f));
  if (!file) throw new Error(`import fixture ${name} has no input.* file`);
  return path.join(dir, file);
}

/** Options a case passes to the importer (options.json), e.g. `{ "kind": "lecture" }`. */
export function caseOptions(name: string): ImportOptions {
  const file = path.join(importFixturesDir, name, 'options.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ImportOptions) : {};
}

interface MakeSpec {
  output: string;
  from?: string;
  encoding?: 'gbk' | 'big5' | 'utf-16le' | 'utf-8-bom-crlf-nbsp';
  docx?: ({ text: string; heading?: 1 | 2 | 3 } | { image: { width: number; height: number; rgb: [number, number, number] }; description?: string })[];
}

/**
 * Cases whose input cannot be written as UTF-8 text (GBK, Big5, UTF-16, .docx)
 * keep a readable source and a make.json; this builds the input bytes from them.
 */
export function makeInput(name: string): { file: string; bytes: Buffer } | undefined {
  const dir = path.join(importFixturesDir, name);
  const specFile = path.join(dir, 'make.json');
  if (!existsSync(specFile)) return undefined;
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as MakeSpec;
  const file = path.join(dir, spec.output);
  if (spec.docx) {
    const blocks: DocxBlock[] = spec.docx.map((block) =>
      'image' in block ? { image: solidPng(block.image.width, block.image.height, block.image.rgb), description: block.description } : block,
    );
    return { file, bytes: buildDocx(blocks) };
  }
  const text = readFileSync(path.join(dir, spec.from ?? 'source.utf8.txt'), 'utf8').replace(/^\ufeff/, '');
  switch (spec.encoding) {
    case 'gbk':
    case 'big5':
      return { file, bytes: encodeLegacy(text, spec.encoding) };
    case 'utf-16le':
      return { file, bytes: encodeUtf16le(text) };
    case 'utf-8-bom-crlf-nbsp':
      return { file, bytes: Buffer.from(`\ufeff${text.replace(/ {2}/g, '\u00a0\u00a0').replace(/\n/g, '\r\n')}`, 'utf8') };
    default:
      throw new Error(`make.json of ${name}: unknown encoding ${String(spec.encoding)}`);
  }
}
