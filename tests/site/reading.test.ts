/**
 * What a reader sees and does on the reading site, in Chromium: the agenda,
 * documents and their metadata, the table of contents, previous/next, the
 * compilation, the 字号 and contrast controls, print, phone layouts, base paths.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { artifactPath, pages, startSiteSession, type SiteSession } from './site-session.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await startSiteSession();
});
afterEach(async () => site.closePages());
afterAll(async () => site?.close());

const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()));
/** `dt dd` of each row of a definition list. */
const definitions = (page: Page, selector: string) =>
  page.locator(`${selector} > div`).evaluateAll((divs) =>
    divs.map((div) => `${div.querySelector('dt')?.textContent} ${div.querySelector('dd')?.textContent}`),
  );
const fontSizeOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe('home page', () => {
  test('shows the site, courses by year with their dates, the latest documents and a search box', async () => {
    const page = await site.open(pages.home);
    expect(await page.locator('h1').textContent()).toBe('测试培训资料库');
    expect(await texts(page, '.year-heading')).toEqual(['2024年']);
    expect(await texts(page, '.course-card-title')).toEqual([
      '县乡人大干部履职能力提升培训班（测试）',
      '全区人大代表履职能力提升培训班（测试）',
    ]);
    expect(await page.locator('.course-card').first().textContent()).toContain('2024年11月18日至20日');
    expect((await texts(page, '.home-latest .doc-title'))[0]).toBe('为高水平履职充电');
    const form = page.locator('main form[role="search"]');
    expect(await form.getAttribute('action')).toBe('/search/');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.locator('input[name="q"]').count()).toBe(1);
  });
});

describe('course page', () => {
  test('shows dates, venue, organisers, hosts and participants', async () => {
    const page = await site.open(pages.course);
    const facts = await definitions(page, '.course-facts');
    expect(facts).toEqual([
      '时间 2024年11月18日至20日',
      '地点 大别山干部学院',
      '主办 测试市人大常委会',
      '承办 测试市人大常委会办公室',
      '参训对象 县乡两级人大干部，共120人',
    ]);
    expect(await page.locator('.course-facts time').getAttribute('datetime')).toBe('2024-11-18');
    expect(await page.locator('.course-intro').textContent()).toContain('测试用的培训班简介');
  });

  test('shows the agenda day by day with dates, periods, kinds, speakers and document links', async () => {
    const page = await site.open(pages.course);
    expect(await page.locator('.agenda-date time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')))).toEqual([
      '2024-11-18',
      '2024-11-19',
      '2024-11-20',
    ]);
    expect(await texts(page, '.agenda-date')).toEqual(['2024年11月18日 星期一', '2024年11月19日 星期二', '2024年11月20日 星期三']);
    const sessions = await texts(page, '.session');
    expect(sessions).toEqual([
      '上午 专题讲座 人民代表大会制度的历史与优势 吴文毅（省人大常委会副秘书长、办公厅主任）',
      '上午 专题讲座 民生实事项目票决制 熊建欣（市人大财经委主任委员）',
      '晚上 分组研讨 分组研讨 10个小组',
      '上午 结业式 结业式 谢天学（市人大常委会主任）',
    ]);
    const link = page.locator('.session-title a', { hasText: '民生实事项目票决制' });
    expect(await link.getAttribute('href')).toBe('/courses/dabieshan-2024/piaojuezhi/');
    expect(await page.locator('.session-title a').count()).toBe(3);
    await page.locator('.session-speakers a', { hasText: '吴文毅' }).click();
    expect(new URL(page.url()).pathname).toBe('/people/wu-wenyi/');
  });

  test('writes a month-only course and agenda as a month', async () => {
    const page = await site.open(pages.courseMonthOnly);
    expect(await page.locator('.course-facts time').textContent()).toBe('2024年4月');
    expect(await texts(page, '.agenda-date')).toEqual(['2024年4月']);
  });

  test('groups the documents by kind and links the compilation', async () => {
    const page = await site.open(pages.course);
    expect(await texts(page, '.course-documents h3')).toEqual(['讲话（1篇）', '讲稿与授课提纲（2篇）', '侧记与新闻稿（1篇）']);
    expect(await texts(page, '#kind-lecture + .doc-list .doc-title')).toEqual(['人民代表大会制度的历史与优势', '民生实事项目人大代表票决制']);
    expect(await page.getByRole('link', { name: '打印汇编' }).getAttribute('href')).toBe('/courses/dabieshan-2024/print/');
  });

  test('has a search box scoped to the course that submits q and course to the search page', async () => {
    const page = await site.open(pages.course);
    const form = page.getByRole('search', { name: '在本班文稿中搜索' });
    expect(await form.getAttribute('action')).toBe('/search/');
    expect(await form.locator('input[type="hidden"][name="course"]').getAttribute('value')).toBe('dabieshan-2024');
    await form.getByLabel('在本班文稿中搜索').fill('票决制');
    await form.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\//);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/search/');
    expect(url.searchParams.get('q')).toBe('票决制');
    expect(url.searchParams.get('course')).toBe('dabieshan-2024');
  });
});

describe('document pages', () => {
  test('have a breadcrumb 首页 › course › kind', async () => {
    const page = await site.open(pages.lecture);
    const crumbs = page.getByRole('navigation', { name: '当前位置' });
    expect(await crumbs.locator('li').allTextContents()).toEqual(['首页', '县乡人大干部履职能力提升培训班（测试）', '讲稿与授课提纲']);
    expect(await crumbs.locator('a').last().getAttribute('href')).toBe('/courses/dabieshan-2024/#kind-lecture');
  });

  test('show the metadata that fits each kind', async () => {
    const facts = async (sitePath: string) => {
      const page = await site.open(sitePath);
      return definitions(page, '.meta .doc-facts');
    };
    expect(await facts(pages.lecture)).toEqual(
      expect.arrayContaining(['主讲人 吴文毅（省人大常委会副秘书长、办公厅主任）', '形式 授课提纲', '日期 2024年11月18日', '标签 人民代表大会制度']),
    );
    expect(await facts(pages.speech)).toEqual(
      expect.arrayContaining(['讲话人 谢天学（市人大常委会主任）', '场合 结业式', '日期 2024年11月20日']),
    );
    const writeup = await facts(pages.writeup);
    expect(writeup).toEqual(
      expect.arrayContaining(['记者 王紫仪', '通讯员 曹新俊', '编辑 李恒', '来源 测试融媒体中心', '日期 2024年11月26日']),
    );
    expect(writeup.some((line) => line.startsWith('讲话人') || line.startsWith('主讲人'))).toBe(false);
  });

  test('link the 来源 to the original and show images with captions and attachments', async () => {
    const page = await site.open(pages.writeup);
    expect(await page.locator('.source-link').getAttribute('href')).toBe('https://example.com/news/1');
    const figure = page.locator('.doc-figure');
    expect(await figure.locator('figcaption').textContent()).toBe('会议现场');
    expect(await figure.locator('img').getAttribute('alt')).toBe('会议现场');
    await figure.locator('img').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('.doc-figure img') as HTMLImageElement).naturalWidth > 0);

    const lecture = await site.open(pages.lecture);
    const attachment = lecture.locator('.attachments a');
    expect(await attachment.textContent()).toBe('授课提纲全文');
    expect(await lecture.locator('.attachments li').textContent()).toMatch(/（TXT，\d+ B）/);
    const response = await lecture.request.get(new URL((await attachment.getAttribute('href'))!, lecture.url()).href);
    expect(response.status()).toBe(200);
  });

  test('say when text is missing from the source', async () => {
    const page = await site.open(pages.speechOmitted);
    expect(await page.getByRole('note').textContent()).toContain('4864');
  });

  test('have a table of contents whose links reach their headings', async () => {
    const page = await site.open(pages.lecture, { viewport: { width: 390, height: 500 } });
    const toc = page.getByRole('navigation', { name: '目录' });
    const links = toc.locator('a');
    expect(await links.allTextContents()).toEqual(['一、制度的建立', '（一）第一部宪法', '二、制度的优势']);
    for (const href of await links.evaluateAll((els) => els.map((el) => el.getAttribute('href')))) {
      expect(await page.locator(`h2${href}, h3${href}`).count(), href!).toBe(1);
    }
    await links.filter({ hasText: '二、制度的优势' }).click();
    expect(new URL(page.url()).hash).toBe('#sec-2');
    const top = await page.locator('#sec-2').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
  });

  test('have no table of contents with fewer than two headings', async () => {
    const page = await site.open(pages.lectureShort);
    expect(await page.locator('.toc').count()).toBe(0);
  });

  test('link the previous and next document of the course in agenda order, and list the course', async () => {
    const page = await site.open(pages.lecture);
    const pager = page.getByRole('navigation', { name: '上一篇和下一篇' });
    expect(await pager.locator('a[rel="prev"]').count()).toBe(0);
    expect(await pager.locator('a[rel="next"]').getAttribute('href')).toBe('/courses/dabieshan-2024/piaojuezhi/');
    const writeup = await site.open(pages.writeup);
    expect(await writeup.locator('a[rel="prev"]').getAttribute('href')).toBe('/courses/dabieshan-2024/jieye-jianghua/');
    // Bounded navigation: the course's own documents, not the whole archive.
    const courseNav = page.getByRole('navigation', { name: /本班文稿/ });
    expect(await courseNav.locator('.doc-title').allTextContents()).toEqual([
      '人民代表大会制度的历史与优势',
      '民生实事项目人大代表票决制',
      '在培训班结业式上的讲话',
      '为高水平履职充电',
    ]);
    expect(await courseNav.locator('[aria-current="page"]').textContent()).toBe('人民代表大会制度的历史与优势');
  });
});

describe('people, years, tags', () => {
  test('a person page lists positions, documents and agenda sessions', async () => {
    const page = await site.open('people/xie-tianxue/');
    expect(await page.locator('h1').textContent()).toBe('谢天学');
    expect(await texts(page, '.positions li')).toEqual(['市人大常委会主任']);
    expect(await texts(page, '#person-docs-heading + .doc-list .doc-title')).toEqual(['在培训班结业式上的讲话']);
    expect(await texts(page, '#person-sessions-heading + .doc-list .doc-title')).toEqual(['结业式']);
  });

  test('the people index links everyone named, by pinyin initial', async () => {
    const page = await site.open(pages.people);
    const names = await texts(page, '.person-name');
    expect(names).toEqual(expect.arrayContaining(['吴文毅', '熊建欣', '谢天学', '王紫仪', '曹新俊', '李恒', '李明']));
    expect(await texts(page, '.letter-heading')).toEqual(['C', 'L', 'W', 'X']);
  });

  test('the year pages list courses and documents of the year', async () => {
    const index = await site.open(pages.years);
    expect(await texts(index, '.year-list li')).toEqual(['2024年 2个培训班，6篇文稿']);
    const page = await site.open(pages.year);
    expect(await page.locator('.course-card').count()).toBe(2);
    expect(await page.locator('.doc-list li').count()).toBe(6);
  });

  test('a tag page lists what carries the tag', async () => {
    const page = await site.open(pages.tag);
    expect(await page.locator('h1').textContent()).toBe('标签：人民代表大会制度');
    expect(await texts(page, '.doc-title')).toEqual(['人民代表大会制度的历史与优势']);
  });

  test('the 404 page is in Chinese and has a search box', async () => {
    const page = await site.open(pages.notFound);
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
    expect(await page.locator('main form[role="search"]').getAttribute('action')).toBe('/search/');
  });
});

describe('course compilation', () => {
  test('has a cover, a table of contents and every document in agenda order', async () => {
    const page = await site.open(pages.compilation);
    expect(await page.locator('.cover h1').textContent()).toBe('县乡人大干部履职能力提升培训班（测试）');
    expect(await page.locator('.cover').textContent()).toContain('2024年11月18日至20日');
    const order = ['人民代表大会制度的历史与优势', '民生实事项目人大代表票决制', '在培训班结业式上的讲话', '为高水平履职充电'];
    expect(await texts(page, '.compilation-toc a')).toEqual(order);
    expect(await texts(page, '.compiled-title')).toEqual(order);
    // Headings inside the documents sit one level under the document titles.
    expect(await page.locator('.compiled-doc h3', { hasText: '一、制度的建立' }).count()).toBe(1);
    await page.locator('.compilation-toc a').nth(2).click();
    expect(new URL(page.url()).hash).toBe('#doc-jieye-jianghua');
  });
});

describe('reader controls', () => {
  test('the 字号 control changes the text size, by keyboard too, and is remembered across pages', async () => {
    const page = await site.open(pages.lecture);
    const group = page.getByRole('group', { name: '字号' });
    expect(await group.isVisible()).toBe(true);
    const medium = await fontSizeOf(page, '.doc-body p');
    expect(medium).toBeGreaterThanOrEqual(18);

    // Reach 大 with the keyboard alone.
    const large = page.getByRole('button', { name: /字号.*大/ });
    for (let i = 0; i < 40 && !(await large.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await large.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await large.getAttribute('aria-pressed')).toBe('true');
    const largeSize = await fontSizeOf(page, '.doc-body p');
    expect(largeSize).toBeGreaterThan(medium);
    expect(largeSize).toBeGreaterThanOrEqual(18);

    await page.goto(site.server.url + pages.course);
    expect(await page.getAttribute('html', 'data-font-size')).toBe('large');
    expect(await page.getByRole('button', { name: /字号.*大/ }).getAttribute('aria-pressed')).toBe('true');
    expect(await fontSizeOf(page, 'body')).toBe(largeSize);

    await page.getByRole('button', { name: /字号.*小/ }).click();
    expect(await fontSizeOf(page, 'body')).toBeLessThan(medium);
    await page.reload();
    expect(await fontSizeOf(page, 'body')).toBeLessThan(medium);
  });

  test('the high-contrast mode switches the palette and is remembered', async () => {
    const page = await site.open(pages.writeup);
    const toggle = page.getByRole('button', { name: '高对比度' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.goto(site.server.url + pages.home);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  });

  test('the pages work without JavaScript, and the controls that need it stay hidden', async () => {
    const page = await site.open(pages.lecture, { javaScriptEnabled: false });
    expect(await page.locator('.reader-controls').isVisible()).toBe(false);
    expect(await page.locator('.doc-body p').first().isVisible()).toBe(true);
    await page.getByRole('navigation', { name: '目录' }).getByRole('link', { name: '二、制度的优势' }).click();
    expect(new URL(page.url()).hash).toBe('#sec-2');
    await page.locator('a[rel="next"]').click();
    expect(new URL(page.url()).pathname).toBe('/' + pages.lectureShort);
  });

  test('the 打印 button opens the print dialog', async () => {
    const page = await site.open(pages.writeup);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
});

describe('print stylesheet', () => {
  test('hides navigation and controls and prints the source and page address', async () => {
    const page = await site.open(pages.writeup);
    await page.emulateMedia({ media: 'print' });
    for (const nav of await page.locator('nav').all()) expect(await nav.isVisible()).toBe(false);
    for (const selector of ['.reader-controls', 'form', '.skip-link', '.after-article']) {
      for (const el of await page.locator(selector).all()) expect(await el.isVisible(), selector).toBe(false);
    }
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('.meta').isVisible()).toBe(true);
    const address = page.locator('.page-address');
    expect(await address.isVisible()).toBe(true);
    expect(await address.textContent()).toContain(`${site.server.url}${pages.writeup}`);
    const after = await page.locator('.source-link').evaluate((el) => getComputedStyle(el, '::after').content);
    expect(after).toContain('https://example.com/news/1');
    // Black on white whatever the screen palette.
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await page.pdf({ path: artifactPath('writeup-a4.pdf'), format: 'A4', preferCSSPageSize: true });
  });

  test('prints in black on white even in the high-contrast mode', async () => {
    const page = await site.open(pages.lecture, { init: () => localStorage.setItem('lectern:contrast', 'high') });
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
  });
});

describe('layout', () => {
  test('no page scrolls sideways at 390 px, at the default and the largest font size', async () => {
    const overflowing: string[] = [];
    for (const large of [false, true]) {
      const page = await site.open(pages.home, {
        viewport: { width: 390, height: 844 },
        init: large ? () => localStorage.setItem('lectern:font-size', 'large') : undefined,
      });
      for (const [name, sitePath] of Object.entries(pages)) {
        await page.goto(site.server.url + sitePath);
        const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        if (scroll > width) overflowing.push(`${name}${large ? ' (大)' : ''}: ${scroll} > ${width}`);
      }
    }
    expect(overflowing).toEqual([]);
  });

  test('document text runs about 40 characters a line on a desktop, with a line height near 1.8', async () => {
    const page = await site.open(pages.lecture, { viewport: { width: 1440, height: 900 } });
    const { chars, lineHeight } = await page.locator('.doc-body p').first().evaluate((el) => {
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      return { chars: el.getBoundingClientRect().width / size, lineHeight: parseFloat(style.lineHeight) / size };
    });
    expect(chars).toBeGreaterThan(36);
    expect(chars).toBeLessThanOrEqual(40.5);
    expect(lineHeight).toBeCloseTo(1.8, 1);
    expect(await page.locator('.doc-body p').first().evaluate((el) => getComputedStyle(el).textIndent)).not.toBe('0px');
    const writeup = await site.open(pages.writeup);
    expect(await writeup.locator('.doc-body p').first().evaluate((el) => getComputedStyle(el).textIndent)).toBe('0px');
  });

  test('screenshots of home, course and document on a phone and a desktop', async () => {
    const shots = [
      ['home', pages.home],
      ['course', pages.course],
      ['document', pages.lecture],
      ['writeup', pages.writeup],
    ] as const;
    for (const [width, device] of [[390, 'phone'], [1440, 'desktop']] as const) {
      const page = await site.open(pages.home, { viewport: { width, height: device === 'phone' ? 844 : 900 } });
      for (const [name, sitePath] of shots) {
        await page.goto(site.server.url + sitePath);
        await page.evaluate(() => document.fonts.ready);
        const file = artifactPath(`site-${name}-${device}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size).toBeGreaterThan(10_000);
      }
    }
  });
});

describe('under a base path', () => {
  test('every link of every page resolves under /peixun/', async () => {
    const based = await startSiteSession({ BASE_PATH: '/peixun/' }, '/peixun/');
    try {
      const htmlFiles = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? htmlFiles(full) : entry.name.endsWith('.html') ? [full] : [];
        });
      const targets = new Set<string>();
      for (const file of htmlFiles(based.dist)) {
        const html = readFileSync(file, 'utf8');
        for (const [, url] of html.matchAll(/\s(?:href|src)="([^"#]+)/g)) if (url.startsWith('/')) targets.add(url);
      }
      const outside = [...targets].filter((url) => !url.startsWith('/peixun/'));
      expect(outside).toEqual([]);
      const broken: string[] = [];
      // The search page is built by the search work; its link is checked once it exists.
      const hasSearch = existsSync(path.join(based.dist, 'search/index.html'));
      for (const url of targets) {
        if (url === '/peixun/search/' && !hasSearch) continue;
        const response = await fetch(based.server.origin + url);
        if (response.status !== 200) broken.push(`${url}: ${response.status}`);
      }
      expect(broken).toEqual([]);
      expect(targets.size).toBeGreaterThan(20);
    } finally {
      await based.close();
    }
  });
});
