/**
 * `npm run bench`: generates synthetic archives, builds them with Lectern and with the
 * Hugo + Pagefind peer, measures search in headless Chromium and a rebuild after one
 * changed document, prints a table and writes bench/results/<date>.json.
 *
 *   npm run bench                          1,000 and 10,000 documents
 *   npm run bench -- --docs 30000          one size (repeat --docs for several)
 *   npm run bench -- --no-peer --no-search --no-incremental
 *   npm run bench -- --label after --readme    name the result file, update README.md
 *   npm run bench -- --from bench/results/a.json --from b.json --readme   table of earlier runs
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateArchive, type BenchArchive } from './lib/generate-archive.ts';
import { buildLectern, buildPeer, hugoAvailable, projectRoot, type BuildResult, type PeerResult } from './lib/builds.ts';
import { measureSearch, type QueryCost, type SearchCost } from './lib/search-cost.ts';
import { readableIndexedText } from '../src/lib/search-text.ts';
import { removeSetAside, setAside } from './lib/set-aside.ts';
import { cacheDir } from '../src/archive/cache-dir.ts';
import { kilobytes, loadAverage, machine, markdownTable, mebibytes, seconds, type Machine } from './lib/measure.ts';
import { referenceWorkload } from './lib/reference.ts';

interface Run {
  docs: number;
  archive: Omit<BenchArchive, 'dir'>;
  lectern: BuildResult;
  search?: SearchCost;
  incremental?: Incremental;
  peer?: PeerResult;
  peerSearch?: SearchCost;
}

interface Incremental {
  /** A rebuild right after the full build, nothing changed (the run of median wall time). */
  unchanged: BuildResult;
  /** A rebuild after one document changed (the run of median wall time). */
  changed: BuildResult;
  /** Every run of each (results before the eighth session have one of each, and no lists). */
  unchangedRuns?: BuildResult[];
  changedRuns?: BuildResult[];
  /** Every changed rebuild's page carried its new text (no stale page). */
  pageUpdated: boolean;
  /** The search index found each new text (when there is a search index). */
  searchUpdated?: boolean;
}

interface Results {
  date: string;
  label?: string;
  commit: string;
  machine: Machine;
  runs: Run[];
}

const USAGE = `npm run bench [-- options]
  --docs N          archive size, repeatable (default: --docs 1000 --docs 10000; 30000 for the largest)
  --no-peer         skip the Hugo + Pagefind peer pipeline
  --no-search       skip the search measurements in headless Chromium
  --no-incremental  skip the rebuilds
  --rebuilds N      rebuilds of each kind, nothing changed and one document changed (default 3; the median is shown)
  --label NAME      name the result file bench/results/<date>-NAME.json
  --readme          put the table into README.md
  --from FILE       print the table of earlier results instead of measuring (repeatable)
`;

const { values } = parseBenchArgs();

function parseBenchArgs() {
  try {
    const parsed = parseOptions();
    if (parsed.values.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

function parseOptions() {
  return parseArgs({
    allowNegative: true,
    options: {
      help: { type: 'boolean', default: false },
      docs: { type: 'string', multiple: true },
      peer: { type: 'boolean', default: true },
      search: { type: 'boolean', default: true },
      incremental: { type: 'boolean', default: true },
      rebuilds: { type: 'string', default: '3' },
      label: { type: 'string' },
      readme: { type: 'boolean', default: false },
      /** Print the table of earlier results (one or more bench/results files) instead of measuring. */
      from: { type: 'string', multiple: true },
    },
  });
}

if (values.from) {
  const earlier = values.from.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Results);
  const summary = table(earlier[0].machine, earlier.flatMap((r) => r.runs));
  process.stdout.write(`${summary}\n`);
  if (values.readme) updateReadme(summary, values.from.join(', '));
  process.exit(0);
}

const rebuilds = Number(values.rebuilds);
if (!Number.isInteger(rebuilds) || rebuilds < 1) {
  process.stderr.write(`--rebuilds takes a whole number of at least 1, not ${values.rebuilds}\n`);
  process.exit(2);
}

const sizes = (values.docs ?? ['1000', '10000']).flatMap((v) => v.split(',')).map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  process.stderr.write('--docs takes whole numbers, e.g. --docs 1000 --docs 10000\n');
  process.exit(2);
}

const work = path.join(projectRoot, 'bench/work');
const results: Results = {
  date: new Date().toISOString(),
  label: values.label,
  commit: gitCommit(),
  machine: { ...machine(), reference: referenceWorkload() },
  runs: [],
};
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const withPeer = values.peer && hugoAvailable();
if (values.peer && !withPeer) log('hugo is not on the PATH: no peer pipeline');

for (const docs of sizes) {
  log(`generating ${docs} documents`);
  const archive = generateArchive(path.join(work, `archive-${docs}`), docs);
  const { dir, ...about } = archive;
  log(`${about.courses} courses, ${about.people} people, ${(about.chars / 1e6).toFixed(1)} M characters`);
  const out = path.join(work, `out-${docs}`, 'lectern');
  setAside(out);
  log(`lectern build (load ${loadAverage()})`);
  // A full build starts from nothing: no output and no cache from an earlier run. The cache is
  // set aside here rather than cleared by the build (LECTERN_CACHE=clear), whose remover would
  // run beside the measurements that follow, the peer's build among them.
  setAside(cacheDir(dir, projectRoot));
  const lectern = await buildLectern(dir, out);
  if (!lectern.ok) log(`lectern build failed:\n${lectern.error}`);
  const run: Run = { docs, archive: about, lectern };
  results.runs.push(run);
  if (lectern.ok && values.search) run.search = await searchOrLog(() => measureSearch(out, archive, 'lectern', log));
  if (lectern.ok && values.incremental) run.incremental = await measureIncremental(archive, out, rebuilds);
  if (withPeer) {
    log(`peer: hugo + pagefind (load ${loadAverage()})`);
    run.peer = await buildPeer(dir, path.join(work, `out-${docs}`, 'peer'));
    if (!run.peer.ok) log(`peer build failed:\n${run.peer.error}`);
    else if (values.search) run.peerSearch = await searchOrLog(() => measureSearch(path.join(work, `out-${docs}`, 'peer', 'public'), archive, 'peer', log));
  }
  process.stdout.write(`\n${table(results.machine, [run])}\n`);
}

removeSetAside();
const file = writeResults(results);
const summary = table(results.machine, results.runs);
process.stdout.write(`\n${summary}\n\nwritten to ${path.relative(process.cwd(), file)}\n`);
if (values.readme) updateReadme(summary, file);

/** A search that fails (a timeout in the browser) is reported, and the build figures are kept. */
async function searchOrLog(measure: () => Promise<SearchCost | undefined>): Promise<SearchCost | undefined> {
  try {
    return await measure();
  } catch (error) {
    log(`search not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

/**
 * Rebuilds without change, then after one document changed, `times` of each (this machine's
 * load moves a single run by seconds), and checks each changed page and the index are fresh.
 */
async function measureIncremental(archive: BenchArchive, out: string, times: number): Promise<Incremental> {
  const unchangedRuns: BuildResult[] = [];
  for (let n = 1; n <= times; n++) {
    log(`rebuild, nothing changed (${n} of ${times})`);
    unchangedRuns.push(await buildLectern(archive.dir, out));
  }
  const file = path.join(archive.dir, archive.sample.file);
  const original = readFileSync(file, 'utf8');
  const changedRuns: BuildResult[] = [];
  let pageUpdated = true;
  let searchUpdated: boolean | undefined;
  try {
    for (let n = 1; n <= times; n++) {
      // A new sentence each time: every run has a changed document to render and index.
      const marker = `增量构建标记${Date.now().toString(36)}${n}`;
      appendFileSync(file, `\n这一段是基准测试为检验增量构建而追加的，标记为${marker}。\n`);
      log(`rebuild, one document changed (${archive.sample.file}, ${n} of ${times})`);
      changedRuns.push(await buildLectern(archive.dir, out));
      const page = path.join(out, archive.sample.sitePath, 'index.html');
      pageUpdated &&= existsSync(page) && readFileSync(page, 'utf8').includes(marker);
      const found = indexHolds(out, marker);
      if (found !== undefined) searchUpdated = (searchUpdated ?? true) && found;
    }
  } finally {
    // Leave the archive as generated; the next full build starts from a cleared cache anyway.
    writeFileSync(file, original);
  }
  return { unchanged: median(unchangedRuns), changed: median(changedRuns), unchangedRuns, changedRuns, pageUpdated, searchUpdated };
}

/** The run of median wall time (of an even count, the slower of the middle two). */
function median(runs: readonly BuildResult[]): BuildResult {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)];
}

/**
 * Whether a fragment of the built search index (gzipped `pagefind_dcd` + JSON) holds `text`;
 * undefined without an index. The indexed text has Lectern's word spaces (search-text.ts), so it is
 * read as the search page reads it.
 */
function indexHolds(out: string, text: string): boolean | undefined {
  const bundles = readdirSync(out).filter((name) => name.startsWith('pagefind'));
  if (bundles.length === 0) return undefined;
  for (const bundle of bundles) {
    const dir = path.join(out, bundle, 'fragment');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(path.join(dir, name));
      const plain = bytes.subarray(0, 12).toString() === 'pagefind_dcd' ? bytes : gunzipSync(bytes);
      if (readableIndexedText(plain.toString('utf8')).includes(text)) return true;
    }
  }
  return false;
}

function table(about: Machine, runs: Run[]): string {
  const header = ['', ...runs.flatMap((r) => (r.peer ? [`Lectern ${r.docs}`, `peer ${r.docs}`, 'ratio'] : [`Lectern ${r.docs}`]))];
  const phaseNames = ['load+validate', 'render', '  content sync', '  pages', 'search index', 'total'];
  // Wall time, then CPU time of the whole process tree: on a shared machine the second is the steadier figure.
  const cell = (r: BuildResult | undefined, name: string, key: 'ms' | 'peakRss') => {
    const phase = r?.phases.find((p) => p.name === name);
    if (!phase) return '—';
    if (key === 'peakRss') return phase.peakRss === null ? '—' : mebibytes(phase.peakRss);
    return phase.cpu === null ? seconds(phase.ms) : `${seconds(phase.ms)} (${phase.cpu.toFixed(1)} s CPU)`;
  };
  const ratio = (a: number | undefined, b: number | undefined) => (a && b ? (a / b).toFixed(2) : '—');
  const rows: string[][] = [];
  for (const name of phaseNames) {
    rows.push([`${name} (time)`, ...runs.flatMap((r) => (r.peer ? [cell(r.lectern, name, 'ms'), cell(r.peer, name, 'ms'), name === 'total' ? ratio(r.lectern.wallMs, r.peer.wallMs) : ''] : [cell(r.lectern, name, 'ms')]))]);
  }
  rows.push(['peak RSS (whole tree)', ...runs.flatMap((r) => (r.peer ? [mebibytes(r.lectern.peakRss), mebibytes(r.peer.peakRss), ratio(r.lectern.peakRss, r.peer.peakRss)] : [mebibytes(r.lectern.peakRss)]))]);
  rows.push(['dist/ size', ...runs.flatMap((r) => (r.peer ? [mebibytes(r.lectern.distBytes), mebibytes(r.peer.distBytes), ''] : [mebibytes(r.lectern.distBytes)]))]);
  rows.push(['search index size', ...runs.flatMap((r) => (r.peer ? [mebibytes(r.lectern.searchBytes), mebibytes(r.peer.searchBytes), ''] : [mebibytes(r.lectern.searchBytes)]))]);
  const searchRow = (label: string, pick: (s: SearchCost) => string) =>
    rows.push([label, ...runs.flatMap((r) => (r.peer ? [r.search ? pick(r.search) : '—', r.peerSearch ? pick(r.peerSearch) : '—', ''] : [r.search ? pick(r.search) : '—']))]);
  // Bytes sent before the first result showed / milliseconds to it (bytes once the page settled, filter counts included).
  const cost = (q: QueryCost) => `${kilobytes(q.bytes)} / ${q.ms} ms${q.settledBytes === undefined ? '' : ` (${kilobytes(q.settledBytes)})`}`;
  searchRow('search: name, cold (KB to results / ms; KB settled)', (s) => cost(s.first));
  searchRow('search: second query', (s) => cost(s.second));
  searchRow('search: term in ~every doc, cold', (s) => cost(s.common));
  // The median run, and the range of all runs when there were several.
  const spread = (runs: BuildResult[] | undefined) => {
    if (!runs || runs.length < 2) return '';
    const walls = runs.map((run) => run.wallMs).sort((a, b) => a - b);
    return `; ${runs.length} runs ${seconds(walls[0])}–${seconds(walls.at(-1)!)}`;
  };
  const unchangedText = (r: Run) => {
    const inc = r.incremental;
    return inc ? `${seconds(inc.unchanged.wallMs)} (${inc.unchanged.phases.find((p) => p.name === 'total')?.cpu?.toFixed(1)} s CPU${spread(inc.unchangedRuns)})` : '—';
  };
  rows.push(['rebuild, nothing changed (median)', ...runs.flatMap((r) => (r.peer ? [unchangedText(r), '—', ''] : [unchangedText(r)]))]);
  rows.push(['rebuild, 1 document changed (median)', ...runs.flatMap((r) => {
    const inc = r.incremental;
    const cpu = inc?.changed.phases.find((p) => p.name === 'total')?.cpu;
    const stale = inc && (!inc.pageUpdated ? ' (STALE PAGE)' : inc.searchUpdated === false ? ' (STALE INDEX)' : '');
    const text = inc ? `${seconds(inc.changed.wallMs)} (${cpu?.toFixed(1)} s CPU${spread(inc.changedRuns)})${stale}` : '—';
    return r.peer ? [text, '—', ''] : [text];
  })]);
  rows.push(['load average (before→after build)', ...runs.flatMap((r) => (r.peer ? [r.lectern.load.join('→'), r.peer.load.join('→'), ''] : [r.lectern.load.join('→')]))]);
  // Once per archive size, however many runs of it the table shows.
  const docs = [...new Set(runs.map((r) => `${r.docs} documents = ${r.archive.courses} courses, ${(r.archive.chars / 1e6).toFixed(1)} M characters`))].join('; ');
  return [
    `Machine: ${about.cores} cores, ${about.memoryGiB} GiB, ${about.cpu}, Node ${about.node}${reference(about)}. ${docs}.`,
    '',
    markdownTable(header, rows),
  ].join('\n');
}

/** The fixed workload's time (lib/reference.ts), which says how fast the machine was, apart from Lectern. */
function reference(about: Machine): string {
  if (!about.reference) return '';
  const steps = Object.entries(about.reference.steps).map(([name, ms]) => `${name} ${ms}`).join(', ');
  return `; reference workload ${about.reference.ms} ms (${steps})`;
}

function writeResults(data: Results): string {
  const dir = path.join(projectRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const day = data.date.slice(0, 10);
  const file = path.join(dir, `${day}${data.label ? `-${data.label}` : ''}.json`);
  writeFileSync(file, `${JSON.stringify(data, (key, value) => (key === 'samples' ? undefined : value), 2)}\n`);
  return file;
}

/** Replaces the table between the bench markers of README.md. */
function updateReadme(summary: string, files: string): void {
  const readme = path.join(projectRoot, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const sources = files
    .split(', ')
    .map((file) => path.relative(projectRoot, path.resolve(file)))
    .join(', ');
  const block = `${start}\n${summary}\n\nFrom \`npm run bench\` (${sources}).\n${end}`;
  const next = text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${text.trimEnd()}\n\n## Benchmark\n\n${block}\n`;
  writeFileSync(readme, next);
}

function gitCommit(): string {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}
