import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readArchive } from '../archive/read-archive.ts';
import { formatProblem, sortProblems } from '../archive/problems.ts';

export interface LecternOptions {
  /** Absolute path of the content folder. */
  content: string;
}

/**
 * Wires Lectern into Astro: refuses to start on content with problems (listing
 * all of them, as `lectern check` does) and publishes each course's `media/`.
 */
export function lectern({ content }: LecternOptions): AstroIntegration {
  return {
    name: 'lectern',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        // `lectern build` has already checked and printed the list.
        if (process.env.LECTERN_CHECKED === '1') return;
        const problems = sortProblems(readArchive(content).problems);
        if (problems.length === 0) return;
        for (const problem of problems) logger.error(formatProblem(problem));
        throw new Error(`${problems.length} problem(s) in ${content}; run \`npx lectern check\` for the list.`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const copied = copyCourseMedia(content, fileURLToPath(dir));
        logger.info(`copied the media of ${copied} course(s)`);
      },
    },
  };
}

/** `<content>/<course>/media/` → `<out>/courses/<course>/media/`, where pages link to it. */
function copyCourseMedia(content: string, outDir: string): number {
  let count = 0;
  for (const course of readdirSync(content, { withFileTypes: true })) {
    const media = path.join(content, course.name, 'media');
    if (!course.isDirectory() || !existsSync(media)) continue;
    copyFollowingLinks(media, path.join(outDir, 'courses', course.name, 'media'));
    count++;
  }
  return count;
}

/**
 * Copies a folder with links followed: `lectern check` refused any that leaves
 * the content folder, and a link copied as a link would point nowhere (or back
 * into the content folder) on the server. (`cpSync`'s `dereference` follows only
 * the top folder's link, not the links inside it.) A folder reached twice
 * through links is copied once, so a link loop cannot make it recurse forever.
 */
function copyFollowingLinks(from: string, to: string, seen = new Set<string>()): void {
  const real = realpathSync(from);
  if (seen.has(real)) return;
  seen.add(real);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    const source = path.join(from, name);
    if (statSync(source).isDirectory()) copyFollowingLinks(source, path.join(to, name), seen);
    else copyFileSync(source, path.join(to, name));
  }
}
