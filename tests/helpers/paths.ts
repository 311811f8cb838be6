import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = path.join(projectRoot, 'tests/fixtures');
/** The two real documents the archive exists for; read in place, never copied. */
export const seedsDir = path.resolve(projectRoot, '../shared/seeds');
/** Screenshots and other files a person should look at after a run. */
export const artifactsDir = path.join(projectRoot, 'tests/artifacts');

export function fixture(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}

export function tempDir(prefix = 'lectern-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
