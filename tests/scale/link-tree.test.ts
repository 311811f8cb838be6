import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { linkTree } from '../../src/integrations/link-tree.ts';
import { tempDir } from '../helpers/paths.ts';

describe('linkTree', () => {
  it('gives every file of the tree, nested folders included, at the new place without copying it', () => {
    const root = tempDir('lectern-link-');
    const from = path.join(root, 'cache/files');
    mkdirSync(path.join(from, 'fragment'), { recursive: true });
    writeFileSync(path.join(from, 'pagefind-entry.json'), '{"version":"1"}');
    writeFileSync(path.join(from, 'fragment/a.pf_fragment'), '片段');
    const to = path.join(root, 'dist/pagefind');
    linkTree(from, to);
    for (const file of ['pagefind-entry.json', 'fragment/a.pf_fragment']) {
      expect(readFileSync(path.join(to, file), 'utf8')).toBe(readFileSync(path.join(from, file), 'utf8'));
      // The same file on disk (a hard link), not a copy: no bytes are written.
      expect(statSync(path.join(to, file)).ino).toBe(statSync(path.join(from, file)).ino);
    }
  });
});
