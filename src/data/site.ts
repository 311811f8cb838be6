import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../archive/content-dir.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { peopleFileSchema } from '../schemas/person.ts';
import { buildPeopleIndex, type PeopleIndex } from '../lib/people.ts';
import { joinBase } from '../lib/urls.ts';

let site: Site | undefined;
let people: PeopleIndex | undefined;

/** `site.yaml`, already checked by the integration before any page renders. */
export function getSite(): Site {
  site ??= siteSchema.parse(parse(readFileSync(path.join(contentDir(), 'site.yaml'), 'utf8')));
  return site;
}

export function getPeopleIndex(): PeopleIndex {
  if (!people) {
    const file = path.join(contentDir(), 'people.yaml');
    const list = existsSync(file) ? peopleFileSchema.parse(parse(readFileSync(file, 'utf8')) ?? []) : [];
    people = buildPeopleIndex(list);
  }
  return people;
}

/** A site path under the configured base: `href('courses/x/')` → `/peixun/courses/x/`. */
export function href(sitePath: string): string {
  return joinBase(import.meta.env.BASE_URL, sitePath);
}
