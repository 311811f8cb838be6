/**
 * A fixed workload of Node's own builtins, timed before the builds: the same work
 * whatever Lectern's code does, so that a slower run can be told from a slower
 * machine. The twelfth session's machine ran the tenth session's code 1.4 times
 * slower than before while a loop of integer arithmetic ran as fast as ever, so the
 * workload is what a build spends its time on: cutting Chinese into words,
 * gzip, hashing, and many small objects made, written as JSON and read back.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface Reference {
  /** The sum of the steps' times. */
  ms: number;
  /** Each step's fastest of `ROUNDS` rounds, in milliseconds. */
  steps: Record<string, number>;
}

const ROUNDS = 3;

export function referenceWorkload(): Reference {
  const text = hanText(2_000_000);
  const bytes = Buffer.from(text);
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const steps: Record<string, () => unknown> = {
    'cut words': () => {
      let words = 0;
      for (const _ of segmenter.segment(text)) words++;
      return words;
    },
    gzip: () => gzipSync(bytes, { level: 6 }).length,
    sha1: () => createHash('sha1').update(bytes).update(text).digest('hex'),
    'objects as JSON': () => {
      const records = Array.from({ length: 400_000 }, (_, i) => ({ id: `d${i}`, title: text.slice(i % 5000, (i % 5000) + 12), tags: [i % 7, i % 11], at: i }));
      return (JSON.parse(JSON.stringify(records)) as unknown[]).length;
    },
  };
  const times: Record<string, number> = {};
  for (const [name, step] of Object.entries(steps)) {
    let fastest = Infinity;
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      step();
      fastest = Math.min(fastest, performance.now() - started);
    }
    times[name] = Math.round(fastest);
  }
  return { ms: Object.values(times).reduce((sum, ms) => sum + ms, 0), steps: times };
}

/** `length` characters of Han text with punctuation, the same on every run (a fixed linear congruential sequence). */
function hanText(length: number): string {
  let state = 20_261_204;
  const chars: string[] = [];
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    chars.push(i % 23 === 22 ? '，' : String.fromCharCode(0x4e00 + (state % 3000)));
  }
  return chars.join('');
}
