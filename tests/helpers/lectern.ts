import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { withBuildLock } from './build-lock.ts';
import { projectRoot, tempDir } from './paths.ts';

const cli = path.join(projectRoot, 'src/cli/lectern.ts');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `lectern …` in a child process with the project's Node (the one running the tests).
 * With `timeout` (ms) the child is killed when it runs longer, and `status` is null.
 */
export function runLectern(args: string[], env: NodeJS.ProcessEnv = {}, cwd = projectRoot, timeout?: number): RunResult {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    timeout,
    encoding: 'utf8',
    env: { ...withoutViteEnv(process.env), ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  // Astro's logger colours its output when the environment asks for it (CI does);
  // tests match the words, so the colour codes are taken out.
  return { status: result.status, stdout: withoutAnsi(result.stdout), stderr: withoutAnsi(result.stderr) };
}

/**
 * Vitest copies Vite's `BASE_URL`, `MODE`, `DEV`, `PROD` and `SSR` into process.env;
 * an Astro build in a child process would take that `BASE_URL` over its configured base path.
 */
function withoutViteEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete rest[key];
  return rest;
}

const builds = new Map<string, string>();
const logs = new Map<string, string>();

/** What the build that made `out` (a folder `buildSite` returned) wrote on standard output. */
export function buildLog(out: string): string {
  const log = logs.get(out);
  if (log === undefined) throw new Error(`${out} was not built by buildSite in this test file`);
  return log;
}

/**
 * Builds the archive in `content` into a fresh temporary folder and returns it.
 * The same content and environment are built once per test file.
 */
export function buildSite(content: string, env: NodeJS.ProcessEnv = {}): string {
  const key = JSON.stringify([content, env]);
  const cached = builds.get(key);
  if (cached) return cached;
  const out = path.join(tempDir('lectern-site-'), 'dist');
  const result = withBuildLock(() => runLectern(['build', '--content', content, '--out', out], env));
  if (result.status !== 0) {
    throw new Error(`lectern build of ${content} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  builds.set(key, out);
  logs.set(out, result.stdout);
  return out;
}

function withoutAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching the escape character is the point.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
