/**
 * The names and terms the search index keeps whole (search-query.ts), made from
 * `people.yaml`, the glossary and what the document pages name. The index build
 * makes it from the built pages; the early preparation (search-early.ts) from the
 * checked archive before Astro renders. The two must come out the same for an
 * early page to be used, which the key below decides.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { parse } from 'yaml';
import { peopleFileSchema } from '../schemas/person.ts';
import { searchGlossary } from '../lib/search-glossary.ts';
import { buildDictionary, type SearchDictionary } from '../lib/search-query.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/**
 * People.yaml's names, the pages' people and the glossary and the pages' tags, in
 * Simplified characters. `checkedPeople`: people.yaml's names as `lectern check` read
 * them, when the caller has them (parsing the file again took 0.5 s at 1,300 people).
 */
export function indexDictionary(content: string, people: readonly string[], tags: readonly string[], checkedPeople?: readonly string[]): SearchDictionary {
  const toSimplified = Converter({ from: 'tw', to: 'cn' });
  const simplify = (text: string) => toSimplified(text);
  // Pages name the same people and tags over and over: each distinct one is converted once.
  const distinct = (words: Iterable<string>) => [...new Set(words)].map(simplify);
  return buildDictionary(distinct([...(checkedPeople ?? peopleNames(content)), ...people]), distinct([...searchGlossary, ...tags]));
}

/** The dictionary (and whether pages are indexed as they are) as part of a cache key. */
export function dictionaryKey(dictionary: SearchDictionary, stock: boolean): string {
  return JSON.stringify([[...dictionary.names].sort(), [...dictionary.terms].sort(), stock]);
}

/**
 * Names in `people.yaml` (already checked by `lectern check`; a broken file only means no
 * names), for `astro build` run directly: `lectern build` passes the names its check read.
 */
function peopleNames(content: string): string[] {
  const file = path.join(content, 'people.yaml');
  if (!existsSync(file)) return [];
  const parsed = peopleFileSchema.safeParse(parse(readUtf8(file)) ?? []);
  return parsed.success ? parsed.data.map((person) => person.name) : [];
}
