import { siteAddress } from '../lib/head-meta.ts';
import { href } from './site.ts';

/** `https://www.example.gov.cn` when SITE_URL or site.yaml `url` gives the deployed address. */
export function siteOrigin(): string | undefined {
  const site: string | undefined = import.meta.env.SITE;
  return site ? new URL(site).origin : undefined;
}

/**
 * A site path as other sites and feed readers need it: absolute when the deployed
 * address is known (`https://www.example.gov.cn/peixun/courses/x/y/`), else from the root.
 */
export function absoluteHref(sitePath: string): string {
  return siteAddress(siteOrigin(), href(sitePath));
}
