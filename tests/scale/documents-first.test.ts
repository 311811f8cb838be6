import { existsSync } from 'node:fs';
import type { PathWithRoute, RouteData } from 'astro';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ROUTE, documentPathsFirst } from '../../src/integrations/documents-first.ts';

// Only the route pattern is read; the rest of Astro's RouteData does not matter here.
const at = (route: string, pathname: string): PathWithRoute => ({ pathname, route: { route } as RouteData });

describe('document pages rendered first', () => {
  it('moves the document pages before the other routes, keeping the order within each', () => {
    const paths = [
      at('/courses/[course]/feed.json', '/courses/a/feed.json'),
      at('/courses/[course]/print', '/courses/a/print/'),
      at(DOCUMENT_ROUTE, '/courses/a/x/'),
      at('/people/[person]', '/people/p/'),
      at(DOCUMENT_ROUTE, '/courses/b/y/'),
    ];
    expect(documentPathsFirst(paths).map((p) => p.pathname)).toEqual(['/courses/a/x/', '/courses/b/y/', '/courses/a/feed.json', '/courses/a/print/', '/people/p/']);
  });

  it('leaves a document page in place when another route gives the same address, so that route still wins it', () => {
    const paths = [at('/courses/[course]/print', '/courses/a/print/'), at(DOCUMENT_ROUTE, '/courses/a/print'), at(DOCUMENT_ROUTE, '/courses/a/x/')];
    const ordered = documentPathsFirst(paths);
    expect(ordered.map((p) => `${p.route.route} ${p.pathname}`)).toEqual([`${DOCUMENT_ROUTE} /courses/a/x/`, '/courses/[course]/print /courses/a/print/', `${DOCUMENT_ROUTE} /courses/a/print`]);
  });

  it('names the route of src/pages/courses/[course]/[doc].astro', () => {
    expect(existsSync(new URL(`../../src/pages${DOCUMENT_ROUTE}.astro`, import.meta.url))).toBe(true);
  });
});
