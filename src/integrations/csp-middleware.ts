/**
 * Gives each page its Content-Security-Policy as Astro renders it (src/lib/csp.ts),
 * registered by the csp integration for builds only. The policy is then part of the page
 * Astro's incremental build keeps, so a page restored from that cache has it already and
 * the pass over the built site (csp.ts) only looks for HTML that Astro did not render.
 */
import { defineMiddleware } from 'astro:middleware';
import options from 'virtual:lectern/csp-options';
import { addCspMeta } from '../lib/csp.ts';
import { blockedWarning } from './csp-pages.ts';
import { stepLog } from './outside-astro.ts';

// Astro's logger is not reachable from middleware; the lines read like the pass's own.
const log = stepLog('lectern:csp');

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const { html, scan } = addCspMeta(await response.text(), options);
  for (const what of new Set(scan.blocked)) log.warn(blockedWarning(context.url.pathname, what));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
