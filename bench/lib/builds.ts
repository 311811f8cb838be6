/**
 * The builds the benchmark times: Lectern's (`lectern build`, split into phases by the
 * marks it writes to $LECTERN_TIMINGS) and the peer's (Hugo, then the Pagefind CLI).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cpuBetween, peakBetween, runSampled, type RunResult } from './process-tree.ts';
import { folderSize, loadAverage } from './measure.ts';
import { writeHugoSite } from './hugo-site.ts';
import { setAside } from './set-aside.ts';

export interface Phase {
  name: string;
  ms: number;
  /** CPU seconds of the whole process tree during the phase (null: not sampled). */
  cpu: number | null;
  peakRss: number | null;
}

export interface BuildResult {
  ok: boolean;
  wallMs: number;
  cpuSeconds: number;
  peakRss: number;
  phases: Phase[];
  distBytes: number;
  distFiles: number;
  searchBytes: number;
  searchFiles: number;
  /** 1-minute load average before and after. */
  load: [number, number];
  /** The last lines of output when the build failed. */
  error?: string;
}

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const node = process.execPath;

/** `lectern build --content <archive> --out <out>`; `out` is kept, so a later build can reuse its caches. */
export async function buildLectern(archive: string, out: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const timings = `${out}.timings.json`;
  rmSync(timings, { force: true });
  const load = loadAverage();
  const run = await runSampled(node, [path.join(projectRoot, 'src/cli/lectern.ts'), 'build', '--content', archive, '--out', out], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', LECTERN_TIMINGS: timings, ...env },
  });
  const marks = existsSync(timings) ? (JSON.parse(readFileSync(timings, 'utf8')) as Record<string, number>) : {};
  const result = summarise(run, load, lecternPhases(run, marks));
  if (run.code === 0) Object.assign(result, outputSizes(out));
  return result;
}

/** Wall time and peak memory between the marks `lectern build` wrote. */
function lecternPhases(run: RunResult, marks: Record<string, number>): Phase[] {
  const end = run.startedAt + run.wallMs;
  const searchStart = marks['search:start'];
  const searchEnd = marks['search:end'];
  const renderEnd = searchStart ?? marks['astro:build:done'] ?? end;
  const phase = (name: string, from: number | undefined, to: number | undefined): Phase[] =>
    from === undefined || to === undefined ? [] : [{ name, ms: to - from, cpu: cpuBetween(run.samples, from, to), peakRss: peakBetween(run.samples, from, to) }];
  return [
    ...phase('load+validate', marks['check:start'], marks['check:end']),
    ...phase('render', marks['check:end'], renderEnd),
    ...phase('  content sync', marks['astro:config:done'], marks['astro:build:start']),
    ...phase('  pages', marks['astro:build:start'], marks['astro:build:generated']),
    ...phase('search index', searchStart, searchEnd),
    ...phase('total', run.startedAt, end),
  ];
}

export interface PeerResult extends BuildResult {
  hugoMs: number;
  pagefindMs: number;
}

/** Hugo renders the archive, then the Pagefind CLI indexes the output: the peer pipeline. */
export async function buildPeer(archive: string, dir: string): Promise<PeerResult> {
  const site = writeHugoSite(archive, dir);
  const out = path.join(dir, 'public');
  setAside(out);
  const load = loadAverage();
  const hugo = await runSampled('hugo', ['--source', site, '--destination', out, '--quiet'], { cwd: dir });
  if (hugo.code !== 0) return { ...summarise(hugo, load, []), hugoMs: hugo.wallMs, pagefindMs: 0 };
  const pagefindBin = path.join(projectRoot, 'node_modules/.bin/pagefind');
  const pagefind = await runSampled(pagefindBin, ['--site', out], { cwd: dir });
  const wallMs = hugo.wallMs + pagefind.wallMs;
  const result: PeerResult = {
    ok: pagefind.code === 0,
    wallMs,
    cpuSeconds: hugo.cpuSeconds + pagefind.cpuSeconds,
    peakRss: Math.max(hugo.peakRss, pagefind.peakRss),
    phases: [
      { name: 'render', ms: hugo.wallMs, cpu: hugo.cpuSeconds, peakRss: hugo.peakRss },
      { name: 'search index', ms: pagefind.wallMs, cpu: pagefind.cpuSeconds, peakRss: pagefind.peakRss },
      { name: 'total', ms: wallMs, cpu: hugo.cpuSeconds + pagefind.cpuSeconds, peakRss: Math.max(hugo.peakRss, pagefind.peakRss) },
    ],
    distBytes: 0,
    distFiles: 0,
    searchBytes: 0,
    searchFiles: 0,
    load: [load, loadAverage()],
    hugoMs: hugo.wallMs,
    pagefindMs: pagefind.wallMs,
    error: pagefind.code === 0 ? undefined : tail(pagefind.stderr || pagefind.stdout),
  };
  if (result.ok) Object.assign(result, outputSizes(out));
  return result;
}

export function hugoAvailable(): boolean {
  return spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
}

function summarise(run: RunResult, load: number, phases: Phase[]): BuildResult {
  return {
    ok: run.code === 0,
    wallMs: run.wallMs,
    cpuSeconds: run.cpuSeconds,
    peakRss: run.peakRss,
    phases,
    distBytes: 0,
    distFiles: 0,
    searchBytes: 0,
    searchFiles: 0,
    load: [load, loadAverage()],
    error: run.code === 0 ? undefined : tail(`${run.stdout}\n${run.stderr}`),
  };
}

/** The whole output, and the part that is the search index (`pagefind*` folders). */
function outputSizes(out: string): Pick<BuildResult, 'distBytes' | 'distFiles' | 'searchBytes' | 'searchFiles'> {
  const all = folderSize(out);
  const search = folderSize(out, (name) => name.startsWith('pagefind'));
  return { distBytes: all.bytes, distFiles: all.files, searchBytes: search.bytes, searchFiles: search.files };
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-30).join('\n');
}
