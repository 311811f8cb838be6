/**
 * Adds the Content-Security-Policy to built pages (src/lib/csp.ts), a list of files at a
 * time: on the main thread for a small site, in worker threads (csp-worker.ts) for a
 * large one, where reading and rewriting every page took 11 s at 10,000 documents.
 */
import { replaceFile } from '../archive/replace-file.ts';
import { addCspMeta, type CspOptions } from '../lib/csp.ts';
import { readUtf8 } from '../archive/utf8-file.ts';

/** What the pass found in one page: what it allowed by hash and what it blocks. */
export interface PagePolicy {
  scripts: number;
  styles: number;
  blocked: string[];
}

export interface PageResult extends PagePolicy {
  file: string;
  /** The policy was missing or wrong, and the page was written again; most have theirs already (CspMeta.astro). */
  rewritten: boolean;
}

export function addPoliciesTo(files: readonly string[], options: CspOptions): PageResult[] {
  return files.map((file) => {
    const before = readUtf8(file);
    const { html, scan } = addCspMeta(before, options);
    const rewritten = html !== before;
    if (rewritten) {
      // A new file renamed over the page, never a write into it: the page may be a link
      // to the published site's copy (published-pages.ts), which must stay as it is.
      replaceFile(file, html);
    }
    return {
      file,
      rewritten,
      scripts: scan.blocks.filter((b) => b.tag === 'script').length,
      styles: scan.blocks.filter((b) => b.tag === 'style').length,
      blocked: [...new Set(scan.blocked)],
    };
  });
}
