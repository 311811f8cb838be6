/**
 * What a pass over the built pages learnt about each file, kept for the next build
 * and trusted only for the same file: the same device, inode, size and modification
 * time. A rebuild links its unchanged pages in from the published site
 * (published-pages.ts), so they are the very files the last build read; a page Astro
 * or a later step writes is a new file and is read again. Keyed by what else decides
 * the result (the pass's code and options): another key starts empty.
 */
import path from 'node:path';
import { fileIdentity } from '../archive/file-identity.ts';
import { replaceFile } from '../archive/replace-file.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

interface MemoFile<T> {
  key: string;
  /** Path relative to the site → [identity, value]. */
  entries: Record<string, [string, T]>;
}

export class FileMemo<T> {
  readonly #file: string | undefined;
  readonly #key: string;
  readonly #root: string;
  readonly #previous: Record<string, [string, T]>;
  readonly #next: Record<string, [string, T]> = {};
  #hits = 0;

  /** `file` undefined: nothing is remembered (a build without a cache folder). */
  constructor(file: string | undefined, key: string, root: string) {
    this.#file = file;
    this.#key = key;
    this.#root = root;
    this.#previous = file === undefined ? {} : readMemo<T>(file, key);
  }

  /** Files whose value came from the last build. */
  get hits(): number {
    return this.#hits;
  }

  /** The value the last build found for `file`, if it is still the same file; carried on to the next build. */
  get(file: string): T | undefined {
    const name = this.#name(file);
    const entry = this.#previous[name];
    if (entry === undefined || entry[0] !== fileIdentity(file)) return undefined;
    this.#next[name] = entry;
    this.#hits++;
    return entry[1];
  }

  /** `value` for `file` as it is now (call after the pass has written it, if it does). */
  set(file: string, value: T): void {
    const id = fileIdentity(file);
    if (id !== undefined) this.#next[this.#name(file)] = [id, value];
  }

  /** Writes what this build found (and carried on), for the next. */
  save(): void {
    if (this.#file === undefined) return;
    replaceFile(this.#file, JSON.stringify({ key: this.#key, entries: this.#next } satisfies MemoFile<T>));
  }

  #name(file: string): string {
    return path.relative(this.#root, file);
  }
}

function readMemo<T>(file: string, key: string): Record<string, [string, T]> {
  try {
    const memo = JSON.parse(readUtf8(file)) as MemoFile<T>;
    return memo.key === key ? memo.entries : {};
  } catch {
    return {};
  }
}
