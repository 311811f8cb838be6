import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { replaceFile } from './replace-file.ts';
import { readUtf8 } from './utf8-file.ts';

/**
 * What reading a file yielded last time, keyed by the file's exact text: the YAML value
 * and the validated data. A file whose text is unchanged and which had no problem is not
 * parsed or validated again (YAML parsing was most of the time of checking 10,000
 * documents), and a Markdown file whose identity is unchanged (file-identity.ts) is not
 * even read: its body is read when the build asks for it. The cross-file rules (agenda,
 * attachments, ids, permalinks) still run on every read. The whole cache is dropped when
 * Lectern's schemas or parsers change.
 */
export interface CachedFile {
  hash: string;
  /** The YAML front matter as parsed (raw, for the cross-file rules). */
  value: unknown;
  /** The schema's output. */
  data: unknown;
  /** The file's identity when it was read, if it had settled (file-identity.ts). */
  identity?: string;
  /** File line where a Markdown file's body starts. */
  bodyLine?: number;
}

interface CacheFile {
  version: string;
  files: Record<string, CachedFile>;
}

export class CheckCache {
  private readonly file: string;
  private readonly previous: Record<string, CachedFile>;
  private readonly next: Record<string, CachedFile> = {};
  private changed = false;

  constructor(file: string) {
    this.file = file;
    this.previous = load(file);
  }

  /** The cached reading of `file` when its text has the hash `hash` (`textHash`), else undefined. */
  get(file: string, hash: string, identity?: string): CachedFile | undefined {
    const entry = this.previous[file];
    if (!entry || entry.hash !== hash) return undefined;
    // Touched but not changed (a copy, a checkout): remembered as it is now, so the next check need not read it.
    if (entry.identity !== identity) {
      this.next[file] = { ...entry, identity };
      this.changed = true;
    } else {
      this.next[file] = entry;
    }
    return entry;
  }

  /** The cached reading of `file` when its identity is the one it had when read, so it need not be read again. */
  unchanged(file: string, identity: string): CachedFile | undefined {
    const entry = this.previous[file];
    if (entry?.identity === undefined || entry.identity !== identity) return undefined;
    this.next[file] = entry;
    return entry;
  }

  /** Remembers a file that was read without problems. */
  set(file: string, entry: CachedFile): void {
    this.next[file] = entry;
    this.changed = true;
  }

  save(): void {
    const dropped = Object.keys(this.previous).some((file) => !(file in this.next));
    if (!this.changed && !dropped) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    replaceFile(this.file, JSON.stringify({ version: CHECK_VERSION, files: this.next } satisfies CacheFile));
  }
}

function load(file: string): Record<string, CachedFile> {
  try {
    if (!existsSync(file)) return {};
    const parsed = JSON.parse(readUtf8(file)) as CacheFile;
    return parsed.version === CHECK_VERSION ? parsed.files : {};
  } catch {
    return {}; // a damaged cache is only a slower check
  }
}

/**
 * A file's text as the cache knows it (the content loader keys rendered bodies by it
 * too): the hash of the text, taken from the bytes `readTextFile` read it from, which
 * are the text's own UTF-8 encoding once checked, without encoding it again (hashing
 * the text took 0.7 s of a first check of 10,000 documents, most of it turning Chinese
 * back into bytes).
 */
export function bytesHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/** Changes with the source of the schemas and readers and the versions of yaml and zod. */
const CHECK_VERSION = (() => {
  const hash = createHash('sha256');
  const here = path.dirname(new URL(import.meta.url).pathname);
  const folders = [here, path.join(here, '../schemas'), path.join(here, '../lib')];
  for (const folder of folders) {
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.ts')).sort()) hash.update(readFileSync(path.join(folder, name)));
  }
  const require = createRequire(import.meta.url);
  for (const pkg of ['yaml', 'zod']) hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  return hash.digest('hex').slice(0, 16);
})();
