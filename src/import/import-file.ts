/**
 * One file in, one document out: picks the reader by extension (.txt, .md,
 * .html/.htm, .docx), decodes, normalises and hands the lines to the importer.
 */
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../archive/frontmatter.ts';
import { CONFIDENT, decodeBytes } from './decode.ts';
import { readDocx, type DocxImage } from './docx.ts';
import { importLines } from './document.ts';
import { declaredCharset, htmlToLines } from './html.ts';
import { fullWidthPunctuation, normaliseText } from './normalize.ts';
import type { ImportedDocument, ImportOptions, ImportWarning, SourceLine } from './types.ts';

export type SourceFormat = 'text' | 'markdown' | 'html' | 'docx';

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.docx': 'docx',
};

/** The reader for a file name, or `undefined` for files Lectern cannot import. */
export function formatOf(fileName: string): SourceFormat | undefined {
  return FORMATS[path.extname(fileName).toLowerCase()];
}

/** The extensions `lectern import` accepts, for messages. */
export const importableExtensions = Object.keys(FORMATS);

/** A file that could not be read at all (a .docx that is not one). */
export class ImportError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'ImportError';
    this.reason = reason;
  }
}

export interface ImportedFile extends ImportedDocument {
  /** The bytes of the images that came with the file, by their place in media/. */
  imageFiles: { src: string; bytes: Uint8Array }[];
}

/**
 * Imports text, Markdown or HTML bytes; never throws for any input (the property
 * tests feed it random bytes).
 */
export function importBytes(bytes: Uint8Array, format: Exclude<SourceFormat, 'docx'>, options: ImportOptions = {}): ImportedFile {
  const declared = format === 'html' ? declaredCharset(bytes) : undefined;
  const decoded = decodeBytes(bytes, declared);
  const encodingWarnings: ImportWarning[] =
    decoded.confidence < CONFIDENT ? [{ code: 'encodingGuess', params: { encoding: decoded.encoding, confidence: decoded.confidence } }] : [];
  let lines: SourceLine[];
  let fileOptions = options;
  let preset: Record<string, unknown> | undefined;
  if (format === 'html') {
    const page = htmlToLines(decoded.text);
    lines = page.lines.map((line) => ({ ...line, text: fullWidthPunctuation(line.text) }));
    const hints = { ...page.hints };
    if (hints.title) hints.title = fullWidthPunctuation(hints.title);
    fileOptions = { ...options, hints: { ...hints, ...options.hints } };
  } else if (format === 'markdown') {
    const split = splitFrontmatter(normaliseText(decoded.text));
    preset = readPreset(split.yaml);
    lines = markdownLines(split.body, split.yaml === undefined ? 1 : split.bodyLine);
    fileOptions = { ...options, markdown: true };
  } else {
    lines = normaliseText(decoded.text).split('\n').map((text, i) => ({ line: i + 1, text }));
  }
  const result = importLines(lines, fileOptions);
  if (preset) applyPreset(result, preset);
  return { ...result, warnings: [...encodingWarnings, ...result.warnings], imageFiles: [] };
}

/** Imports a file of any supported format; rejects with ImportError when a .docx cannot be read. */
export async function importFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportedFile> {
  const format = formatOf(fileName);
  const withName = { ...options, fileName: options.fileName ?? path.basename(fileName) };
  if (format === undefined) throw new ImportError(`unsupported file type ${path.extname(fileName) || '(none)'}`);
  if (format !== 'docx') return importBytes(bytes, format, withName);
  let docx: { lines: SourceLine[]; images: DocxImage[] };
  try {
    docx = await readDocx(bytes);
  } catch (error) {
    throw new ImportError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const lines = docx.lines.map((line) => ({ ...line, text: fullWidthPunctuation(normaliseText(line.text)) }));
  const result = importLines(lines, { ...withName, imageExtensions: docx.images.map((i) => i.extension) });
  const imageFiles = result.images.flatMap((image) => (image.index !== undefined && docx.images[image.index] ? [{ src: image.src, bytes: docx.images[image.index].bytes }] : []));
  return { ...result, imageFiles };
}

/** Markdown lines; `# Title` and `## Heading` become heading lines for the importer. */
function markdownLines(body: string, firstLine: number): SourceLine[] {
  return body.split('\n').map((text, i) => {
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    return heading ? { line: firstLine + i, text: heading[2], heading: heading[1].length } : { line: firstLine + i, text };
  });
}

function readPreset(yaml: string | undefined): Record<string, unknown> | undefined {
  if (yaml === undefined) return undefined;
  try {
    const value: unknown = parseYaml(yaml);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    // Broken front matter in the source: import the body and let detection fill the fields.
    return undefined;
  }
}

/** Front matter the Markdown file already had wins over what was detected. */
function applyPreset(result: ImportedDocument, preset: Record<string, unknown>): void {
  const merged: Record<string, unknown> = { ...result.frontmatter };
  for (const [key, value] of Object.entries(preset)) merged[key] = value;
  result.frontmatter = merged;
  result.warnings = result.warnings.filter((w) => !(w.code === 'noDate' && 'date' in preset) && !(w.code === 'noTitle' && 'title' in preset));
}
