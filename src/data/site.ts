import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../archive/content-dir.ts';
import { siteSchema, type Site } from '../schemas/site.ts';
import { peopleFileSchema } from '../schemas/person.ts';
import { buildPeopleIndex, type PeopleIndex } from '../lib/people.ts';
import { joinBase } from '../lib/urls.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

let site: Site | undefined;
let people: PeopleIndex | undefined;

/** `site.yaml`, already checked by the integration before any page renders. */
export function getSite(): Site {
  site ??= siteSchema.parse(parse(readUtf8(path.join(contentDir(), 'site.yaml'))));
  return site;
}

export function getPeopleIndex(): PeopleIndex {
  if (!people) {
    const file = path.join(contentDir(), 'people.yaml');
    const list = existsSync(file) ? peopleFileSchema.parse(parse(readUtf8(file)) ?? []) : [];
    people = buildPeopleIndex(list);
  }
  return people;
}

/** A site path under the configured base: `href('courses/x/')` → `/peixun/courses/x/`. */
export function href(sitePath: string): string {
  return joinBase(import.meta.env.BASE_URL, sitePath);
}
