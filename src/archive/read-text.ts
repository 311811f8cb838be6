import { readFileSync, statSync } from 'node:fs';
import type { ProblemKey } from '../i18n/messages.ts';
import { formatBytes, limits } from './limits.ts';

/** A text file of the archive, or why it was refused (a problem key, its values and a line). */
export type TextFile =
  | { ok: true; text: string; /** The text's UTF-8 bytes as read, the byte order mark dropped (for `bytesHash`). */ bytes: Uint8Array }
  | { ok: false; key: ProblemKey; params?: Record<string, string | number>; line?: number };

/**
 * Reads a Markdown or YAML file of the archive as UTF-8 text, refusing what would
 * make a parser slow, wrong or stuck: anything but a regular file (a FIFO would
 * block the read forever), files over `limits.fileBytes` (checked before reading),
 * NUL bytes (a binary file with a text name), bytes that are not UTF-8 and lines
 * over `limits.lineChars`. A UTF-8 byte order mark is dropped.
 */
export function readTextFile(absolute: string): TextFile {
  let bytes: Buffer;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return { ok: false, key: 'notRegularFile' };
    if (stat.size > limits.fileBytes) return tooLarge(stat.size);
    bytes = readFileSync(absolute);
  } catch (error) {
    return { ok: false, key: 'unreadable', params: { reason: errorReason(error) } };
  }
  // The file may have grown between the two calls.
  if (bytes.length > limits.fileBytes) return tooLarge(bytes.length);
  // UTF-16 (what Windows Notepad long called "Unicode") is full of NUL bytes; name the real problem.
  if (isUtf16(bytes)) return { ok: false, key: 'badEncoding', line: 1 };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, key: 'nulByte', line: lineAtByte(bytes, nul) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, key: 'badEncoding', line: lineAtByte(bytes, Math.max(0, firstInvalidUtf8(bytes))) };
  }
  const long = firstLongLine(text, limits.lineChars);
  if (long) return { ok: false, key: 'lineTooLong', line: long.line, params: { length: long.length, limit: limits.lineChars } };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { ok: true, text, bytes: bom ? bytes.subarray(3) : bytes };
}

function isUtf16(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function tooLarge(size: number): TextFile {
  return { ok: false, key: 'tooLarge', params: { size: formatBytes(size), limit: formatBytes(limits.fileBytes) } };
}

/** `ENOENT`, `EACCES`…: the code says more to an editor than Node's sentence with the full path. */
function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) return code;
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/** Offset of the first byte that is not part of well-formed UTF-8, or -1 when all are. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes and the lowest code point each sequence length may encode
    // (anything lower is an "overlong" form, which decoders must reject).
    const [need, min] = lead >= 0xc2 && lead <= 0xdf ? [1, 0x80] : lead >= 0xe0 && lead <= 0xef ? [2, 0x800] : lead >= 0xf0 && lead <= 0xf4 ? [3, 0x10000] : [0, 0];
    if (need === 0 || i + need >= bytes.length) return i;
    let codePoint = lead & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of the byte at `offset`. */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first line longer than `max` characters (UTF-16 units, as editors count them), if any. */
export function firstLongLine(text: string, max: number): { line: number; length: number } | undefined {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > max) return { line, length: end - start };
    start = end + 1;
    line++;
  }
  return undefined;
}
