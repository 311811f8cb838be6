import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/**
 * Moments of one build (epoch milliseconds), so the benchmark can split the wall time
 * into phases and match them with its memory samples. Kept on `globalThis` because
 * Astro loads the config (and the integrations in it) in a module graph of its own:
 * the command line and the integrations would otherwise see two different lists.
 */
interface Marks {
  marks: Record<string, number>;
}

const KEY = Symbol.for('lectern.build-timings');

function store(): Marks {
  const global = globalThis as typeof globalThis & { [KEY]?: Marks };
  global[KEY] ??= { marks: {} };
  return global[KEY];
}

/** Records that `name` happened now (the first time only, so a retried hook keeps its first moment). */
export function mark(name: string): void {
  store().marks[name] ??= Date.now();
}

/** Runs `work` between the marks `<name>:start` and `<name>:end`. */
export async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  mark(`${name}:start`);
  try {
    return await work();
  } finally {
    mark(`${name}:end`);
  }
}

/** Writes the marks as JSON when `LECTERN_TIMINGS` names a file (the benchmark sets it). */
export function writeTimings(file = process.env.LECTERN_TIMINGS): void {
  if (!file) return;
  writeFileSync(file, JSON.stringify(store().marks, null, 2));
}

/**
 * Marks Astro's steps: `astro:config:done` → `astro:build:start` is Vite setup and the
 * content sync; `astro:build:start` → `astro:build:generated` is bundling and page rendering.
 * Listed last in the config, so its `astro:build:done` comes after every other integration's.
 */
export function buildTimings(): AstroIntegration {
  return {
    name: 'lectern:timings',
    hooks: {
      'astro:config:done': () => mark('astro:config:done'),
      'astro:build:start': () => mark('astro:build:start'),
      'astro:build:generated': () => mark('astro:build:generated'),
      'astro:build:done': () => mark('astro:build:done'),
    },
  };
}

/** The marks so far, to hand to another process (`lectern build` renders in a child). */
export function marks(): Record<string, number> {
  return { ...store().marks };
}

/** Takes the marks of another process of the same build, keeping any this one has already. */
export function addMarks(more: Record<string, number>): void {
  const own = store().marks;
  for (const [name, at] of Object.entries(more)) own[name] ??= at;
}
