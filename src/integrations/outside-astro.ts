/**
 * `lectern build` renders the site with Astro in a child process and builds the search
 * index and the Content-Security-Policy in its own process after that child has exited,
 * so the memory Astro holds after rendering (1.5 GB at 10,000 documents) is given back
 * before Pagefind needs its own (docs/scaling.md). It sets this variable for the child;
 * the two integrations then leave their work to it. `astro build` run directly does it all.
 */
export const FINISH_OUTSIDE_ASTRO_ENV = 'LECTERN_FINISH_OUTSIDE_ASTRO';

export function finishesOutsideAstro(): boolean {
  return process.env[FINISH_OUTSIDE_ASTRO_ENV] === '1';
}

/** The two calls of Astro's integration logger the finishing steps use, so they can log outside Astro too. */
export interface StepLog {
  info(message: string): void;
  warn(message: string): void;
}
