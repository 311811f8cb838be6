/**
 * Runs a command and samples the resident memory of its whole process tree from /proc,
 * because `/usr/bin/time` reports only the largest single process it waited for and
 * misses children (Pagefind's binary, worker processes) that are not waited for.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Sample {
  /** Epoch milliseconds. */
  t: number;
  /** Bytes resident in the tree at that moment (sum of VmRSS). */
  rss: number;
  /** CPU seconds the tree had used by then (its live processes and the children they reaped). */
  cpu: number;
}

export interface RunResult {
  code: number | null;
  startedAt: number;
  wallMs: number;
  peakRss: number;
  samples: Sample[];
  stdout: string;
  stderr: string;
  /** CPU seconds (user + system) of the process and the children it waited for. */
  cpuSeconds: number;
}

const PAGE_SIZE = 4096;
const INTERVAL_MS = 50;

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Print the child's output as it comes (it is captured either way). */
  echo?: boolean;
}

export function runSampled(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const startedAt = Date.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const samples: Sample[] = [];
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    const sample = () => {
      if (child.pid === undefined) return;
      samples.push({ t: Date.now(), ...treeUsage(child.pid) });
    };
    const timer = setInterval(sample, INTERVAL_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const wallMs = Date.now() - startedAt;
      const cpuSeconds = childCpuSeconds();
      resolve({ code, startedAt, wallMs, peakRss: Math.max(0, ...samples.map((s) => s.rss)), samples, stdout, stderr, cpuSeconds });
    });
  });
}

/** Peak of the samples taken between two moments (epoch ms). */
export function peakBetween(samples: Sample[], from: number, to: number): number {
  let peak = 0;
  for (const s of samples) if (s.t >= from && s.t <= to + INTERVAL_MS && s.rss > peak) peak = s.rss;
  return peak;
}

/** CPU seconds used between two moments, from the samples (the machine is shared: CPU time is steadier than wall time). */
export function cpuBetween(samples: Sample[], from: number, to: number): number {
  let first: Sample | undefined;
  let last: Sample | undefined;
  for (const s of samples) {
    if (s.t < from) first = s;
    else if (s.t <= to + INTERVAL_MS) {
      first ??= s;
      last = s;
    }
  }
  return first && last ? Math.max(0, last.cpu - first.cpu) : 0;
}

/** Resident memory (bytes) and CPU seconds of `root` and all its descendants. */
export function treeUsage(root: number): { rss: number; cpu: number } {
  const children = new Map<number, number[]>();
  const stats = new Map<number, { ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (!stat) continue;
    stats.set(stat.pid, stat);
    const list = children.get(stat.ppid);
    if (list) list.push(stat.pid);
    else children.set(stat.ppid, [stat.pid]);
  }
  let rss = 0;
  let ticks = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    rss += rssOf(pid);
    ticks += stats.get(pid)?.ticks ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss, cpu: ticks / TICKS_PER_SECOND };
}

const TICKS_PER_SECOND = 100;

function readStat(pid: number): { pid: number; ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime: fields 14–17 of stat, 11–14 of `rest` (0-based, from field 3).
    const ticks = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
    return { pid, ppid: Number(rest[1]), ticks };
  } catch {
    return undefined; // the process ended between readdir and read
  }
}

function rssOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(fields[1]) * PAGE_SIZE;
  } catch {
    return 0;
  }
}

let childCpuTotal = 0;
/** CPU seconds of the children reaped since the last call (cutime + cstime of /proc/self/stat, 100 ticks a second). */
function childCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 (1-based) of stat; rest starts at field 3.
  const ticks = Number(rest[13]) + Number(rest[14]);
  const seconds = ticks / 100;
  const delta = seconds - childCpuTotal;
  childCpuTotal = seconds;
  return delta;
}
