/**
 * Scoring of the search relevance suite (queries.yaml), shared by the browser
 * test and the comparison with stock Pagefind.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js/t2cn';
import { parse } from 'yaml';
import { markedTexts, matchKey } from '../../src/lib/search-excerpt.ts';
import { htmlText } from '../../src/lib/search-text.ts';
import { normalizeQuery } from '../../src/lib/search-query.ts';
import { projectRoot } from '../helpers/paths.ts';

export const archiveDir = path.join(projectRoot, 'tests/search/archive');

export interface SuiteQuery {
  q: string;
  /** `<course>/<document id>` of every document that must be found. */
  expect: string[];
}

export function loadQueries(): SuiteQuery[] {
  return parse(readFileSync(path.join(projectRoot, 'tests/search/queries.yaml'), 'utf8')) as SuiteQuery[];
}

/** One result as a search shows it: the document's URL path and the excerpt's HTML. */
export interface ShownResult {
  url: string;
  excerpt: string;
}

export interface QueryScore {
  q: string;
  /** Results in the top ten whose page lacks a part of the query (found by scattered characters). */
  withoutQuery: number;
  /** The first excerpt marks text that is not a whole part of the query (全 of 全区 for 全过程人民民主). */
  strayMarks: boolean;
  /** 1-based rank of each expected document, or undefined when it is not in the first ten. */
  ranks: (number | undefined)[];
  firstExpected: boolean;
  allInTopTen: boolean;
  /** Every part of the query is inside one <mark> of the first result's excerpt. */
  excerptMarked: boolean;
  first: string | undefined;
  /** Lectern only: the stage that found the results (phrase, parts, words). */
  stage?: string;
}

/** `courses/<course>/<doc>/` from a result URL under any base path. */
export function documentOf(url: string): string | undefined {
  return /courses\/([^/]+\/[^/]+)\/?$/.exec(url.split(/[?#]/)[0])?.[1];
}

/**
 * The text of each document page of a built site (`<course>/<doc>` → letters and
 * digits, Traditional characters as Simplified), to tell whether a result holds the query.
 */
export function documentTexts(siteDir: string, queries: readonly SuiteQuery[], extra: readonly string[] = []): Map<string, string> {
  const toSimplified = Converter({ from: 'tw', to: 'cn' });
  const texts = new Map<string, string>();
  const docs = new Set([...queries.flatMap((q) => q.expect), ...extra]);
  for (const doc of docs) {
    const file = path.join(siteDir, 'courses', doc, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    texts.set(doc, matchKey(toSimplified(htmlText(main))).key);
  }
  return texts;
}

export function queryParts(q: string): string[] {
  return normalizeQuery(q).split(' ').map((part) => matchKey(part).key).filter(Boolean);
}

export function scoreQuery(query: SuiteQuery, results: readonly ShownResult[], texts?: ReadonlyMap<string, string>): QueryScore {
  const top = results.slice(0, 10).map((r) => documentOf(r.url));
  const ranks = query.expect.map((doc) => {
    const at = top.indexOf(doc);
    return at < 0 ? undefined : at + 1;
  });
  const marked = results[0] ? markedTexts(results[0].excerpt).map((text) => matchKey(text).key) : [];
  const parts = queryParts(query.q);
  const lacks = (doc: string | undefined) => {
    const text = doc === undefined ? undefined : texts?.get(doc);
    return text !== undefined && !parts.every((part) => text.includes(part));
  };
  return {
    q: query.q,
    withoutQuery: top.filter(lacks).length,
    strayMarks: marked.some((text) => !parts.some((part) => text.includes(part))),
    ranks,
    firstExpected: top[0] !== undefined && query.expect.includes(top[0]),
    allInTopTen: ranks.every((rank) => rank !== undefined),
    excerptMarked: parts.length > 0 && parts.every((part) => marked.some((text) => text.includes(part))),
    first: top[0],
  };
}

export interface SuiteScore {
  queries: number;
  firstExpected: number;
  allInTopTen: number;
  excerptMarked: number;
  /** Results (over all queries' top tens) whose page lacks a part of the query. */
  withoutQuery: number;
  /** Queries whose first excerpt marks something that is not a whole query part. */
  strayMarks: number;
}

export function summarize(scores: readonly QueryScore[]): SuiteScore {
  return {
    queries: scores.length,
    firstExpected: scores.filter((s) => s.firstExpected).length,
    allInTopTen: scores.filter((s) => s.allInTopTen).length,
    excerptMarked: scores.filter((s) => s.excerptMarked).length,
    withoutQuery: scores.reduce((sum, s) => sum + s.withoutQuery, 0),
    strayMarks: scores.filter((s) => s.strayMarks).length,
  };
}

const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(0)} %`;

export function formatSummary(name: string, s: SuiteScore): string {
  return (
    `${name}: first result expected ${s.firstExpected}/${s.queries} (${percent(s.firstExpected, s.queries)}), ` +
    `all expected in top 10 ${s.allInTopTen}/${s.queries} (${percent(s.allInTopTen, s.queries)}), ` +
    `whole query marked in first excerpt ${s.excerptMarked}/${s.queries} (${percent(s.excerptMarked, s.queries)}), ` +
    `first excerpts with stray marks ${s.strayMarks}, results in top 10 without the query ${s.withoutQuery}`
  );
}

/** A Markdown table: each query, the ranks of its expected documents under each engine. */
export function formatTable(engines: Record<string, readonly QueryScore[]>): string {
  const names = Object.keys(engines);
  const header = `| query | ${names.map((n) => `${n}: ranks (first ok, mark ok, results without query)`).join(' | ')} |`;
  const rule = `|---|${names.map(() => '---').join('|')}|`;
  const rows = engines[names[0]].map((_, i) => {
    const cells = names.map((name) => {
      const s = engines[name][i];
      const ranks = s.ranks.map((r) => r ?? '–').join(', ');
      const stage = s.stage ? ` ${s.stage}` : '';
      return `${ranks} (${s.firstExpected ? '✓' : '✗'}, ${s.excerptMarked ? (s.strayMarks ? '✓+stray' : '✓') : '✗'}, ${s.withoutQuery})${stage}`;
    });
    return `| ${engines[names[0]][i].q} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
