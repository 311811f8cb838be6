import path from 'node:path';
import { parse } from 'yaml';
import { siteSchema, type Site } from '../schemas/site.ts';
import { limits } from './limits.ts';
import { readUtf8 } from './utf8-file.ts';

/**
 * `site.yaml` for the Astro config, which needs a few of its fields (the
 * iframe hosts) before any page is built. A missing or broken file gives
 * `undefined`: `lectern check`, which runs first, reports it with its line.
 */
export function readSiteFile(content: string): Site | undefined {
  try {
    const data: unknown = parse(readUtf8(path.join(content, 'site.yaml')), { maxAliasCount: limits.yamlAliases });
    const result = siteSchema.safeParse(data);
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
