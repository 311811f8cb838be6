import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.ts';

/**
 * Astro keeps intermediate build files in the project (`.astro/.prerender/` when
 * the output folder is outside the working directory, and one content cache per
 * content folder), so two builds at once — test files run in parallel workers —
 * overwrite each other's files ("Cannot find module …/.astro/.prerender/chunks/…").
 * Builds therefore take turns, holding a lock directory that names their process.
 */
const lockDir = path.join(projectRoot, '.lectern', 'build.lock');
const WAIT_MS = 15 * 60_000;

export function withBuildLock<T>(build: () => T): T {
  acquire();
  try {
    return build();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function acquire(): void {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (holderIsGone()) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 60_000} minutes for ${lockDir}; remove it if no build is running`);
    sleep(200);
  }
}

/** A lock left by a process that died (or not yet written: then it is not gone). */
function holderIsGone(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
