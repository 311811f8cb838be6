/** Small helpers for the benchmark: machine description, folder sizes, formatting. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Reference } from './reference.ts';

export interface Machine {
  cores: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  platform: string;
  /** The fixed workload's time on this machine (reference.ts); absent in results from before the twelfth session. */
  reference?: Reference;
}

export function machine(): Machine {
  return {
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** The 1-minute load average: the machine is shared, so every figure carries it. */
export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return os.loadavg()[0];
  }
}

export interface FolderSize {
  bytes: number;
  files: number;
}

/** Bytes and files under `dir`, optionally only in entries whose top-level name passes `filter`. */
export function folderSize(dir: string, filter: (topName: string) => boolean = () => true): FolderSize {
  let bytes = 0;
  let files = 0;
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        bytes += statSync(full).size;
        files++;
      }
    }
  };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!filter(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile()) {
      bytes += statSync(full).size;
      files++;
    }
  }
  return { bytes, files };
}

export const MiB = 2 ** 20;

export function seconds(ms: number | undefined): string {
  return ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

export function mebibytes(bytes: number | null | undefined): string {
  if (bytes === undefined || bytes === null) return '—';
  return bytes >= 10 * MiB ? `${Math.round(bytes / MiB)} MB` : `${(bytes / MiB).toFixed(1)} MB`;
}

export function kilobytes(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${Math.round(bytes / 1024)} KB`;
}

/** A Markdown table: header row, then rows; cells already formatted. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
