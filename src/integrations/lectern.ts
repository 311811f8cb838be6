import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readArchive } from '../archive/read-archive.ts';
import { checkedArchive } from '../archive/shared-archive.ts';
import { formatProblem, sortProblems } from '../archive/problems.ts';
import { dataStoreFromDisk } from './data-store-from-disk.ts';
import { courseSelected, selectedCourse } from '../archive/course-filter.ts';
import { EXTERNAL_HTML_ENV } from '../markdown/html-cache.ts';
import { CODE_VERSION_ENV, codeVersion } from './code-version.ts';

export interface LecternOptions {
  /** Absolute path of the content folder. */
  content: string;
  /** Astro's cache folder for this content folder (where the content store is written). */
  cacheDir: string;
}

/**
 * Wires Lectern into Astro: refuses to start on content with problems (listing
 * all of them, as `lectern check` does) and publishes each course's `media/`.
 */
export function lectern({ content, cacheDir }: LecternOptions): AstroIntegration {
  return {
    name: 'lectern',
    hooks: {
      'astro:config:setup': ({ logger, updateConfig, command, config }) => {
        process.env[CODE_VERSION_ENV] = codeVersion(fileURLToPath(config.root));
        updateConfig({ vite: { plugins: [dataStoreFromDisk(cacheDir)] } });
        // Bodies outside the store in builds (html-cache.ts); `astro dev` keeps Astro's way.
        if (command === 'build') process.env[EXTERNAL_HTML_ENV] = '1';
        else delete process.env[EXTERNAL_HTML_ENV];
        // `lectern build` has already checked and printed the list.
        if (process.env.LECTERN_CHECKED === '1') return;
        const problems = sortProblems(readArchive(content).problems);
        if (problems.length === 0) return;
        for (const problem of problems) logger.error(formatProblem(problem));
        throw new Error(`${problems.length} problem(s) in ${content}; run \`npx lectern check\` for the list.`);
      },
      'astro:build:done': ({ dir, logger }) => {
        checkEveryDocumentBuilt(content, fileURLToPath(dir));
        const copied = copyCourseMedia(content, fileURLToPath(dir));
        logger.info(`copied the media of ${copied} course(s)`);
      },
    },
  };
}

/**
 * Every published document has its page. Astro renders an empty site, without an error,
 * when its content store cannot be read at render time (a cache folder removed while a
 * build ran): that site must never replace the published one.
 */
function checkEveryDocumentBuilt(content: string, outDir: string): void {
  const archive = checkedArchive(content);
  const courses = new Set(archive.courses.filter((c) => !c.data.draft).map((c) => c.id));
  const missing = archive.documents
    .filter((doc) => !doc.data.draft && courses.has(doc.course))
    .filter((doc) => !existsSync(path.join(outDir, 'courses', doc.course, doc.id, 'index.html')));
  if (missing.length === 0) return;
  const list = missing.slice(0, 5).map((doc) => doc.file).join(', ');
  throw new Error(`${missing.length} document(s) have no page after the build (${list}${missing.length > 5 ? ', …' : ''}); the content store was probably removed while the build ran.`);
}

/** `<content>/<course>/media/` → `<out>/courses/<course>/media/`, where pages link to it. */
function copyCourseMedia(content: string, outDir: string): number {
  let count = 0;
  const only = selectedCourse();
  for (const course of readdirSync(content, { withFileTypes: true })) {
    const media = path.join(content, course.name, 'media');
    if (!course.isDirectory() || !existsSync(media) || !courseSelected(only, course.name)) continue;
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
