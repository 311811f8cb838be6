/**
 * What preparing a page's text for the search index costs, per page of the
 * seed speech (about 2,900 characters): Traditional-character detection and
 * conversion (opencc-js), and cutting the text into words (`spaceWords`: one
 * Intl.Segmenter pass, names and terms on top).
 *
 *   node bench/search-text-costs.ts
 *
 * Best of 5 rounds of 20, so that other work on the machine counts as little as possible.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Converter as toTraditionalConverter } from 'opencc-js/cn2t';
import { searchGlossary } from '../src/lib/search-glossary.ts';
import { buildDictionary } from '../src/lib/search-query.ts';
import { isTraditional, spaceWords } from '../src/lib/search-text.ts';

const seeds = path.resolve(import.meta.dirname, '../../shared/seeds');
const simplified = readFileSync(path.join(seeds, 'speech-district-opening.txt'), 'utf8');
const traditional = toTraditionalConverter({ from: 'cn', to: 'tw' })(simplified);

const loadStart = performance.now();
const { Converter } = await import('opencc-js/t2cn');
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const loadMs = performance.now() - loadStart;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const dictionary = buildDictionary(['吴文毅', '张静远', '熊建欣', '谢天学', '蒋文俊', '陈秀洪'], searchGlossary);

function best(work: () => void): string {
  let min = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (let i = 0; i < 20; i++) work();
    min = Math.min(min, (performance.now() - start) / 20);
  }
  return `${min.toFixed(2)} ms`;
}

console.log(`page: ${simplified.length} characters`);
console.log(`opencc-js t2cn: load and build the converter once: ${loadMs.toFixed(0)} ms`);
console.log(`detect Traditional, Simplified page: ${best(() => isTraditional(simplified, toSimplified))}`);
console.log(`detect Traditional, Traditional page: ${best(() => isTraditional(traditional, toSimplified))}`);
console.log(`convert a Traditional page: ${best(() => toSimplified(traditional))}`);
console.log(`cut into words (spaceWords): ${best(() => spaceWords(simplified, dictionary, segmenter))}`);
