import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import path from 'node:path';
import { linkOrCopy } from './link-tree.ts';
import { replaceFile } from '../archive/replace-file.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** In the search cache: the word files of the last build, and what each held. */
const FOLDER = 'words';
const RECORD = 'words.json';

interface WordRecord {
  /** The code that wrote the files: another version may compress or lay them out differently. */
  key: string;
  /** File (relative to the bundle) → hash of the text it holds. */
  files: Record<string, string>;
}

/**
 * Writes the name and term files of the search index (search-names.ts) and keeps a copy
 * of each in the cache: a file whose text is the same as in the last build is linked from
 * there instead of written and compressed again. After one document changed, only the
 * files of that document's names and terms differ (about 1,300 files at 10,000 documents,
 * 8 MB of JSON, gzip most of the time). The cache replaces a file by renaming a new one
 * over it (replace-file.ts), so a file the published site links to is never written into.
 */
export class WordFileCache {
  private readonly dir: string | undefined;
  private readonly previous: Record<string, string>;
  private readonly next: Record<string, string> = {};
  private readonly key: string;
  /** Files linked from the last build, and files written. */
  linked = 0;
  written = 0;
  /** Files being compressed, on libuv's threads: both cores gzip while this thread builds the next file's text. */
  private readonly pending: Promise<void>[] = [];

  private readonly record: string | undefined;
  private recordDropped = false;

  constructor(cache: string | undefined, key: string) {
    this.dir = cache && path.join(cache, FOLDER);
    this.record = cache && path.join(cache, RECORD);
    this.key = key;
    this.previous = this.record ? readRecord(this.record, key) : {};
  }

  /** Puts `text` (gzipped when `gzip`) at `bundleDir/file`; it is there once `finish` has resolved. */
  write(bundleDir: string, file: string, text: string, gzip: boolean): void {
    const target = path.join(bundleDir, file);
    const put = (then: (bytes: string | Buffer) => void) => {
      this.written++;
      if (gzip) this.pending.push(compress(text).then(then));
      else then(text);
    };
    if (!this.dir) {
      put((bytes) => writeFileSync(target, bytes));
      return;
    }
    const hash = createHash('sha1').update(text).update(gzip ? '\0gz' : '').digest('base64');
    this.next[file] = hash;
    const cached = path.join(this.dir, file);
    const link = () => {
      rmSync(target, { force: true });
      linkOrCopy(cached, target);
    };
    if (this.previous[file] !== hash || !existsSync(cached)) {
      // Before the first cached file changes: a build that stops half way leaves no record
      // naming a file by the text it held before, and the next build writes every file.
      if (!this.recordDropped) {
        rmSync(this.record!, { force: true });
        this.recordDropped = true;
      }
      mkdirSync(path.dirname(cached), { recursive: true });
      put((bytes) => {
        replaceFile(cached, bytes);
        link();
      });
    } else {
      this.linked++;
      link();
    }
  }

  /** Waits for the files being compressed, records this build's files and drops the cached ones it no longer has. */
  async finish(): Promise<void> {
    await Promise.all(this.pending);
    if (!this.dir) return;
    for (const folder of existsSync(this.dir) ? readdirSync(this.dir) : []) {
      for (const name of readdirSync(path.join(this.dir, folder))) {
        if (!(`${folder}/${name}` in this.next)) rmSync(path.join(this.dir, folder, name), { force: true });
      }
    }
    replaceFile(this.record!, JSON.stringify({ key: this.key, files: this.next } satisfies WordRecord));
  }
}

/** The cache folder's entries this module owns, for the search cache's pruning. */
export const WORD_CACHE_ENTRIES: readonly string[] = [FOLDER, RECORD];

// Term files list most of the archive for a common term: gzipped, as the facets are. Level 6,
// not 9: half the time (0.3 s against 0.6 s for the 8 MB of a 10,000-document archive), 0.3 % larger.
function compress(text: string): Promise<Buffer> {
  return gzipAsync(text, { level: 6 });
}
const gzipAsync = promisify(gzip);

function readRecord(file: string, key: string): Record<string, string> {
  try {
    const record = JSON.parse(readUtf8(file)) as WordRecord;
    return record.key === key ? record.files : {};
  } catch {
    return {}; // no record, or a damaged one: every file is written
  }
}
