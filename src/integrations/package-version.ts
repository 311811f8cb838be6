import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readUtf8 } from '../archive/utf8-file.ts';

/** A package's version, from `node_modules/<name>/package.json` (some packages do not export that file). */
export function packageVersion(name: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readUtf8(file)) as { version?: string }).version ?? '';
    dir = path.dirname(dir);
  }
  return '';
}

