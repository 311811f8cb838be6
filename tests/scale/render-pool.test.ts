import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeRenderPool, renderInWorkers } from '../../src/loaders/render-pool.ts';
import { needsUnified, renderMarkdown } from '../../src/markdown/render-markdown.ts';
import { cachedBodyFile, readCachedBody } from '../../src/markdown/html-cache.ts';
import { splitFrontmatter } from '../../src/archive/frontmatter.ts';
import { fixturesDir, projectRoot, tempDir } from '../helpers/paths.ts';

/** Every body of the fixtures and the demo archive that the fast renderer takes. */
function bodies(): string[] {
  return [fixturesDir, path.join(projectRoot, 'content')]
    .flatMap((dir) => readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => path.join(entry.parentPath, entry.name)))
    .map((file) => splitFrontmatter(readFileSync(file, 'utf8')).body)
    .filter((body) => body.trim() !== '' && !needsUnified(body));
}

afterAll(() => closeRenderPool());

describe('rendering bodies in worker threads (render-pool.ts)', () => {
  it('writes the same HTML and outline as rendering them in the loader, each under its digest, in order', async () => {
    const all = bodies();
    expect(all.length).toBeGreaterThan(20);
    // More than one batch, so that both threads take part and the order of the answers is tested.
    const jobs = Array.from({ length: 450 }, (_, i) => ({ digest: `d${i}`, body: all[i % all.length] }));
    const dir = tempDir('lectern-render-pool-');
    const headings = await renderInWorkers(jobs, dir);
    expect(headings).toHaveLength(jobs.length);
    let outlined = 0;
    jobs.forEach(({ digest, body }, i) => {
      const expected = renderMarkdown(body);
      const cached = readCachedBody(cachedBodyFile(dir, digest));
      expect(cached.html).toBe(expected.html);
      expect(headings[i]).toEqual(expected.headings);
      expect(cached.headings).toEqual(expected.headings);
      if (expected.headings.length > 0) outlined++;
    });
    expect(outlined).toBeGreaterThan(0);
  });
});
