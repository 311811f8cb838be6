import { z } from 'zod';
import { expect } from './expect.ts';

/** A host name: letters, digits, hyphens and dots, nothing else (no scheme, port or path). */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const text = () => z.string(expect('text')).trim().min(1, expect('text'));

/**
 * The archive's identity: `content/site.yaml`.
 * @example
 * name: 人大培训资料库
 * organization: 信阳市人大常委会办公室
 */
export const siteSchema = z.strictObject({
  /** Shown in the header and the page titles. */
  name: text(),
  /** The organisation that publishes the archive (主办单位). */
  organization: text(),
  /** A sentence for the home page and search engines. */
  description: text().optional(),
  /** ICP 备案号, shown in the footer. @example 豫ICP备12345678号 */
  icp: text().optional(),
  /** 网站标识码 of government sites, shown in the footer and the meta tags. */
  siteCode: text().optional(),
  /** Contact line for the footer: a phone, an address or an e-mail. */
  contact: text().optional(),
  /** The deployed address, used for absolute links when `SITE_URL` is not set. @example https://www.example.gov.cn/peixun/ */
  url: z.url(expect('url')).optional(),
  /** The parent site whose home page the header links back to. */
  parent: z.strictObject({ name: text(), url: z.url(expect('url')) }).optional(),
  /**
   * Hosts whose pages documents may embed with `<iframe>` (raw HTML in `.md`); none by
   * default. Each is also added to the pages' Content-Security-Policy (docs/security.md).
   * @example [v.example.gov.cn]
   */
  allowIframes: z.array(z.string(expect('host')).regex(HOST, expect('host')), expect('host')).optional(),
});

export type Site = z.output<typeof siteSchema>;
export type SiteInput = z.input<typeof siteSchema>;
