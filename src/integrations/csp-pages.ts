/**
 * Adds the Content-Security-Policy (src/lib/csp.ts) to built pages that Astro did not
 * render, which the middleware (csp-middleware.ts) has not given one: HTML files from
 * `public/` or written by a later step. A page carrying a policy is left as it is.
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { addCspMeta, type CspOptions } from '../lib/csp.ts';

export interface CspReport {
  pages: number;
  scripts: number;
  styles: number;
  /** [file, what is blocked] for each kind of blocked markup on each page. */
  blocked: [string, string][];
}

export function addPoliciesTo(files: readonly string[], options: CspOptions): CspReport {
  const report: CspReport = { pages: 0, scripts: 0, styles: 0, blocked: [] };
  for (const file of files) {
    const before = readFileSync(file, 'utf8');
    const { html, scan } = addCspMeta(before, options);
    if (html !== before) writeFileSync(file, html);
    report.pages++;
    report.scripts += scan.blocks.filter((b) => b.tag === 'script').length;
    report.styles += scan.blocks.filter((b) => b.tag === 'style').length;
    for (const what of new Set(scan.blocked)) report.blocked.push([file, what]);
  }
  return report;
}

/**
 * Whether the page starts with its policy, as the middleware writes it (first in `<head>`).
 * Only the first kilobyte is read: a 10,000-document site has 14,000 pages.
 */
export function hasPolicy(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(1024);
    const length = readSync(fd, start, 0, start.length, 0);
    return POLICY_META.test(start.toString('latin1', 0, length));
  } finally {
    closeSync(fd);
  }
}

const POLICY_META = /<meta http-equiv="Content-Security-Policy"/i;

/** The warning for markup the policy blocks on a page. */
export function blockedWarning(page: string, what: string): string {
  return `${page}: ${what} is blocked by the Content-Security-Policy`;
}
