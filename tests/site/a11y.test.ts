/**
 * Accessibility of every page type of the reading site: axe-core (WCAG 2.2 AA)
 * finds nothing, one <h1>, lang zh-CN, a working skip link, landmarks, unique
 * ids, and no request to another origin.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { pages, startSiteSession, type SiteSession } from './site-session.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let site: SiteSession;
beforeAll(async () => {
  site = await startSiteSession();
});
afterEach(async () => site.closePages());
afterAll(async () => site?.close());

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`,
  );
}

/** The search page is built by the search work; it is checked here too once it exists. */
function pageList(): [string, string][] {
  const list: [string, string][] = Object.entries(pages);
  if (existsSync(path.join(site.dist, 'search/index.html'))) list.push(['search', 'search/?q=%E4%BA%BA%E5%A4%A7']);
  return list;
}

describe('every page type', () => {
  test('passes axe (WCAG 2.2 AA), has one h1, lang zh-CN, landmarks, a skip link and unique ids', async () => {
    const violations: Record<string, string[]> = {};
    const page = await site.open(pages.home);
    for (const [name, sitePath] of pageList()) {
      await page.goto(site.server.url + sitePath);
      expect(await page.getAttribute('html', 'lang'), name).toBe('zh-CN');
      expect(await page.locator('h1').count(), name).toBe(1);
      expect(await page.getByRole('banner').count(), name).toBe(1);
      expect(await page.getByRole('main').count(), name).toBe(1);
      expect(await page.getByRole('contentinfo').count(), name).toBe(1);
      expect(await page.getByRole('navigation', { name: '主导航' }).count(), name).toBe(1);
      const duplicateIds = await page.evaluate(() => {
        const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
        return ids.filter((id, i) => ids.indexOf(id) !== i);
      });
      expect(duplicateIds, name).toEqual([]);
      // The skip link is the first stop of Tab, becomes visible, and moves focus into <main>.
      await page.keyboard.press('Tab');
      const skip = page.locator(':focus');
      expect(await skip.textContent(), name).toBe('跳到正文');
      expect(await skip.isVisible(), name).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id), name).toBe('main');
      const found = await axeViolations(page);
      if (found.length > 0) violations[name] = found;
    }
    expect(violations).toEqual({});
  });

  test('passes axe in the high-contrast palette and at the largest font size on a phone', async () => {
    const violations: Record<string, string[]> = {};
    const contrast = await site.open(pages.home, { init: () => localStorage.setItem('lectern:contrast', 'high') });
    const phone = await site.open(pages.home, {
      viewport: { width: 390, height: 844 },
      init: () => localStorage.setItem('lectern:font-size', 'large'),
    });
    for (const name of ['home', 'course', 'lecture', 'writeup'] as const) {
      for (const [mode, page] of [['high contrast', contrast], ['large, 390px', phone]] as const) {
        await page.goto(site.server.url + pages[name]);
        const found = await axeViolations(page);
        if (found.length > 0) violations[`${name} (${mode})`] = found;
      }
    }
    expect(await contrast.getAttribute('html', 'data-contrast')).toBe('high');
    expect(await phone.getAttribute('html', 'data-font-size')).toBe('large');
    expect(violations).toEqual({});
  });

  test('the axe check does find a problem when there is one', async () => {
    const page = await site.open(pages.lecture);
    await page.evaluate(() => {
      const p = document.querySelector('.doc-body p') as HTMLElement;
      p.style.color = '#ccc';
      document.querySelector('.doc-figure img, img')?.removeAttribute('alt');
    });
    expect((await axeViolations(page)).join('\n')).toContain('color-contrast');
  });

  // Runs last: every page the tests above opened went through the request guard.
  test('no page loads anything from another origin', async () => {
    expect(site.foreignRequests).toEqual([]);
    const page = await site.open(pages.home);
    await page.evaluate(() => fetch('http://localhost:9/probe').catch(() => undefined));
    expect(site.foreignRequests).toEqual(['http://localhost:9/probe']);
  });
});
