import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fixture, tempDir } from '../helpers/paths.ts';

/**
 * The basic fixture archive with `tests/fixtures/linking/` laid over it (a parent
 * site and a renamed lecture with aliases), copied into a temporary folder that
 * a test may change freely.
 */
export function linkingFixture(): string {
  const content = path.join(tempDir('lectern-linking-'), 'content');
  cpSync(fixture('basic'), content, { recursive: true });
  cpSync(fixture('linking'), content, { recursive: true });
  rmSync(path.join(content, 'README.md'));
  return content;
}

export const deployed = { SITE_URL: 'https://www.example.gov.cn', BASE_PATH: '/peixun/' };
export const base = '/peixun/';
