/**
 * The URL contract (docs/architecture.md): every path the site links to, built
 * in one place so the base path (`/peixun/`) is never forgotten.
 */

export function joinBase(base: string, path: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export const paths = {
  home: () => '',
  course: (course: string) => `courses/${course}/`,
  document: (course: string, id: string) => `courses/${course}/${id}/`,
  print: (course: string) => `courses/${course}/print/`,
  person: (person: string) => `people/${person}/`,
  people: () => 'people/',
  year: (year: number | string) => `years/${year}/`,
  years: () => 'years/',
  tags: () => 'tags/',
  tag: (tag: string) => `tags/${encodeURIComponent(tag)}/`,
  search: () => 'search/',
  media: (course: string, file: string) => `courses/${course}/${file.replace(/^\.?\//, '')}`,
  // feeds, indexes and embeds (issue 8)
  rss: () => 'rss.xml',
  jsonFeed: () => 'feed.json',
  courseRss: (course: string) => `courses/${course}/rss.xml`,
  courseJsonFeed: (course: string) => `courses/${course}/feed.json`,
  documentsJson: () => 'documents.json',
  sitemap: () => 'sitemap-index.xml',
  embedLatest: () => 'embed/latest/',
  embedCourse: (course: string) => `embed/courses/${course}/`,
};
