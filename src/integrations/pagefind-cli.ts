/**
 * Pagefind's binary, as the `pagefind` package installed it: it indexes the stock
 * pages of comparisons and gives Lectern's bundles their search code (pagefind.js and
 * its WebAssembly); Lectern writes the index of its own prepared pages itself
 * (pagefind-writer/, docs/scaling.md).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageVersion } from './package-version.ts';

const require = createRequire(import.meta.url);

/** The binary's path, found as the `pagefind` package finds it (including `PAGEFIND_BINARY_PATH`). */
export function pagefindBinary(): string {
  for (const name of ['pagefind_extended', 'pagefind']) {
    const fromEnv = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const executable = (name: string) => (platform === 'windows' ? `${name}.exe` : name);
  const tried: string[] = [];
  for (const name of ['pagefind_extended', 'pagefind']) {
    const id = `@pagefind/${platform}-${process.arch}/bin/${executable(name)}`;
    try {
      return require.resolve(id);
    } catch {
      tried.push(id);
    }
  }
  throw new Error(`Pagefind's binary is not installed (looked for ${tried.join(', ')}); run npm install`);
}

/** Indexes every page under `site` into the bundle folder `output`; rejects with Pagefind's own words when it fails. */
export function runPagefind(site: string, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Run from the pages' folder, so that no pagefind.yml of the project is read.
    const child = spawn(pagefindBinary(), ['--site', site, '--output-path', output, '--silent'], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    const keep = (chunk: Buffer) => {
      said = (said + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`Pagefind stopped (${signal ?? `exit code ${code}`}) on ${site}: ${said.trim() || 'it said nothing'}`));
    });
  });
}

/** The files of Pagefind's search code that Lectern's search page loads (the rest of Pagefind's UI is not used). */
const SEARCH_CODE = ['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind'];

/**
 * Copies Pagefind's search code into the bundle `target`, whose index Lectern wrote
 * (pagefind-writer/). The code is what the binary writes into every bundle: it is
 * taken from one run on a page of one word, kept under `cacheDir` by version.
 */
export async function addSearchCode(target: string, cacheDir: string | undefined): Promise<void> {
  const version = pagefindVersion();
  const kept = cacheDir ? path.join(cacheDir, `${SEARCH_CODE_FOLDER}${version}`) : undefined;
  let source = kept;
  let made: string | undefined;
  if (!source || !SEARCH_CODE.every((name) => existsSync(path.join(source!, name)))) {
    made = mkdtempSync(path.join(tmpdir(), 'lectern-pagefind-code-'));
    const site = path.join(made, 'site');
    mkdirSync(site);
    writeFileSync(path.join(site, 'index.html'), '<!doctype html><html lang="zxx"><body><p>x</p></body></html>');
    await runPagefind(site, path.join(made, 'bundle'));
    source = path.join(made, 'bundle');
    if (kept) {
      const partial = `${kept}.new-${process.pid}`;
      mkdirSync(partial, { recursive: true });
      for (const name of SEARCH_CODE) copyFileSync(path.join(source, name), path.join(partial, name));
      rmSync(kept, { recursive: true, force: true });
      renameSync(partial, kept);
    }
  }
  for (const name of SEARCH_CODE) {
    // Unlinked first: the bundle's files may be hard links into the cache, shared with the published site.
    rmSync(path.join(target, name), { force: true });
    copyFileSync(path.join(source, name), path.join(target, name));
  }
  if (made) rmSync(made, { recursive: true, force: true });
}

/** Where the search code of a Pagefind version is kept in the build cache (`pagefind-code-1.6.0`). */
export const SEARCH_CODE_FOLDER = 'pagefind-code-';

/** The installed Pagefind's version (its binary's and its search code's). */
export function pagefindVersion(): string {
  return packageVersion('pagefind');
}
