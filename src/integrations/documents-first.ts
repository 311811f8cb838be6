import type { PathWithRoute } from 'astro';

/** The route of the document pages (src/pages/courses/[course]/[doc].astro). */
export const DOCUMENT_ROUTE = '/courses/[course]/[doc]';

/**
 * `paths` with the document pages first, each group in its own order: the order in
 * which Astro renders them (prerenderer.ts). Astro renders routes in the order of
 * their priority, which puts every course's feeds, print page and RSS before its
 * documents: at 10,000 documents, 2,800 pages and a quarter of the render in which
 * no document page exists yet, so the search index's early preparation
 * (search-early.ts) would sit idle. Only the order changes: a document page whose
 * address another route also gives stays where it was, so the route Astro prefers
 * still wins it.
 */
export function documentPathsFirst(paths: PathWithRoute[]): PathWithRoute[] {
  const normalized = (pathname: string) => pathname.replace(/\/+$/, '');
  const others = new Set(paths.filter((p) => p.route.route !== DOCUMENT_ROUTE).map((p) => normalized(p.pathname)));
  const moves = (p: PathWithRoute) => p.route.route === DOCUMENT_ROUTE && !others.has(normalized(p.pathname));
  return [...paths.filter(moves), ...paths.filter((p) => !moves(p))];
}
