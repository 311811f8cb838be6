/**
 * Adds the Content-Security-Policy to built pages (src/lib/csp.ts), a list of files at a
 * time: on the main thread for a small site, in worker threads (csp-worker.ts) for a
 * large one, where reading and rewriting every page took 11 s at 10,000 documents.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { addCspMeta, type CspOptions } from '../lib/csp.ts';

export interface CspReport {
  pages: number;
  /** Pages whose policy was missing or wrong (written again); the rest already had theirs (CspMeta.astro). */
  rewritten: number;
  scripts: number;
  styles: number;
  /** [file, what is blocked] for each kind of blocked markup on each page. */
  blocked: [string, string][];
}

export function addPoliciesTo(files: readonly string[], options: CspOptions): CspReport {
  const report: CspReport = { pages: 0, rewritten: 0, scripts: 0, styles: 0, blocked: [] };
  for (const file of files) {
    const before = readFileSync(file, 'utf8');
    const { html, scan } = addCspMeta(before, options);
    // Most pages were rendered with their policy already (CspMeta.astro): left as they are.
    if (html !== before) {
      writeFileSync(file, html);
      report.rewritten++;
    }
    report.pages++;
    report.scripts += scan.blocks.filter((b) => b.tag === 'script').length;
    report.styles += scan.blocks.filter((b) => b.tag === 'style').length;
    for (const what of new Set(scan.blocked)) report.blocked.push([file, what]);
  }
  return report;
}
