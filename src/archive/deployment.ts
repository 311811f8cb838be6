import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readUtf8 } from './utf8-file.ts';

/** Where the site will be served: the origin for absolute links and the base path under it. */
export interface Deployment {
  /** `https://www.example.gov.cn`, or `undefined` when only relative links are possible. */
  site: string | undefined;
  /** `/peixun/` or `/`: always with a leading and a trailing slash. */
  base: string;
}

/**
 * `SITE_URL` and `BASE_PATH` from the environment win; otherwise the `url` of
 * `site.yaml` gives both (`https://www.example.gov.cn/peixun/`).
 */
export function deployment(content: string, env: NodeJS.ProcessEnv = process.env): Deployment {
  const fromSiteYaml = siteYamlUrl(content);
  const siteUrl = env.SITE_URL || (fromSiteYaml ? fromSiteYaml.origin : undefined);
  const basePath = env.BASE_PATH || (env.SITE_URL ? pathOf(env.SITE_URL) : fromSiteYaml?.pathname) || '/';
  return { site: siteUrl ? new URL(siteUrl).origin : undefined, base: normaliseBase(basePath) };
}

export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function pathOf(url: string): string | undefined {
  const { pathname } = new URL(url);
  return pathname === '/' ? undefined : pathname;
}

function siteYamlUrl(content: string): URL | undefined {
  const file = path.join(content, 'site.yaml');
  if (!existsSync(file)) return undefined;
  try {
    const data: unknown = parse(readUtf8(file));
    const url = typeof data === 'object' && data !== null ? (data as { url?: unknown }).url : undefined;
    return typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    // A broken site.yaml is reported by `lectern check` with its line; here it only means no URL.
    return undefined;
  }
}
