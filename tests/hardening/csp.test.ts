import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addCspMeta, addCspMetaByScan, contentSecurityPolicy, policyInPlace, scanHead, scanPage, sha256Source } from '../../src/lib/csp.ts';
import { addPolicies } from '../../src/integrations/csp.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildLog, buildSite } from '../helpers/lectern.ts';
import { fixture, projectRoot, tempDir } from '../helpers/paths.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import fc from 'fast-check';
import { fuzzParameters } from '../helpers/fuzz.ts';

const PAGE = '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>t</title>\n</head>\n<body></body>\n</html>\n';

describe('the policy', () => {
  test('hashes as CSP Level 3 defines it', () => {
    // The example of the CSP specification, section "hash-source".
    expect(sha256Source("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  test('allows this origin only, WebAssembly but never eval, inline code only by hash', () => {
    const policy = contentSecurityPolicy([
      { tag: 'script', text: 'b()' },
      { tag: 'script', text: 'a()' },
      { tag: 'script', text: 'a()' },
      { tag: 'style', text: 'p{}' },
    ]);
    expect(policy).toBe(
      "default-src 'self'; " +
        `script-src 'self' 'wasm-unsafe-eval' ${[sha256Source('a()'), sha256Source('b()')].sort().join(' ')}; ` +
        `style-src 'self' ${sha256Source('p{}')}; img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; ` +
        "object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
    expect(contentSecurityPolicy([], { frameSrc: ['v.example.gov.cn'] })).toContain("; frame-src 'self' v.example.gov.cn");
  });

  test('goes right after <meta charset>, and a second run changes nothing', () => {
    const once = addCspMeta(PAGE).html;
    expect(once).toContain(`<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self';`);
    expect(addCspMeta(once).html).toBe(once);
  });

  test('goes first in <head> when there is no charset first, and into pages without <head>', () => {
    expect(addCspMeta('<html><head><title>x</title></head></html>').html).toMatch(/^<html><head><meta http-equiv="Content-Security-Policy"/);
    expect(addCspMeta('<!DOCTYPE html><p>片段</p>').html).toMatch(/^<!DOCTYPE html><meta http-equiv="Content-Security-Policy"[^>]*><p>片段<\/p>$/);
  });

  test('finds inline scripts and styles as the browser reads them, and what no hash can allow', () => {
    const html = PAGE.replace(
      '<body></body>',
      '<body><!-- <script>not this</script> --><script src="/a.js"></script><script type="module">\r\nrun()</script>' +
        '<style media="print">p{}</style><textarea><script>not this either</script></textarea>' +
        '<p style="color:red" onclick="x()"><a href="javascript:x()">x</a></p></body>',
    );
    const scan = scanPage(html);
    expect(scan.blocks).toEqual([
      { tag: 'script', text: '\nrun()' },
      { tag: 'style', text: 'p{}' },
    ]);
    expect(scan.blocked).toEqual(['style attribute on <p>', 'onclick handler on <p>', 'javascript: URL in <a href>']);
  });
});

/** `directive → sources` of a policy text. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name)) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Directives that fall back to default-src when a policy leaves them out (CSP Level 3). */
const FETCH_DIRECTIVES = new Set(['script-src', 'style-src', 'img-src', 'font-src', 'connect-src', 'media-src', 'object-src', 'frame-src', 'worker-src', 'manifest-src']);

describe('reading only the head', () => {
  test('gives the scan of the whole page on every built page, or declines', () => {
    const dist = buildSite(fixture('basic'));
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    let quick = 0;
    for (const name of pages) {
      const html = readFileSync(path.join(dist, name), 'utf8');
      const head = scanHead(html);
      if (head) {
        quick++;
        expect(head, name).toEqual(scanPage(html));
      }
    }
    expect(quick).toBeGreaterThan(pages.length / 2);
  });

  test('declines a page whose body has anything the policy weighs', () => {
    for (const body of [
      '<script>x()</script>',
      '<script type="module">x()</script>',
      '<style>p{}</style>',
      '<p style="color:red">x</p>',
      '<p onclick="x()">x</p>',
      '<a href="javascript:x()">x</a>',
      '<a href="&#106;avascript:x()">x</a>',
      '<meta http-equiv="content-security-policy" content="default-src *">',
    ]) {
      expect(scanHead(PAGE.replace('<body></body>', `<body>${body}</body>`)), body).toBeUndefined();
    }
    expect(scanHead(PAGE.replace('<body></body>', '<body><script src="/a.js"></script><p>正文</p></body>'))).toEqual(
      scanPage(PAGE.replace('<body></body>', '<body><script src="/a.js"></script><p>正文</p></body>')),
    );
  });
});

describe('a page that holds its policy already', () => {
  const options = { frameSrc: ['https://v.example.cn'] };
  const policy = contentSecurityPolicy([], options);
  const page = (head: string, body: string) =>
    `<!DOCTYPE html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">${head}</head><body>${body}</body></html>`;

  test('is taken as it is exactly when reading its tags would leave it as it is', () => {
    const piece = fc.constantFrom(
      '<title>讲话稿</title>', '<title>on the record</title>', '<meta name="description" content="正文">', '<script src="/a.js"></script>',
      '<script>x()</script>', '<script type="module">x()</script>', '<style>p{}</style>', '<meta style>', '<p style="x">', '<link onload="x()">',
      '<a href="javascript:x()">', '<a href="&#106;avascript:x()">', '<!-- 注释 -->', '<meta http-equiv="content-security-policy" content="default-src *">',
      '<meta http-equiv="Content-Security&#45;Policy" content="x">', '<meta charset="utf-8">', '<?x?>', ' ', '\n', '讲话', '</head>', '<p>正文</p>', '&amp;',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.array(piece, { maxLength: 6 }), (head, body) => {
        const html = page(head.join(''), body.join(''));
        const quick = policyInPlace(html, options);
        if (quick) expect(quick).toEqual(addCspMetaByScan(html, options));
      }),
      fuzzParameters(2000),
    );
    // Most pages as the layouts write them take the quick way.
    expect(policyInPlace(page('<title>讲话稿</title><script src="/a.js"></script>', '<p>正文</p>'), options)).toBeDefined();
  });

  test('is taken as it is on the built pages that hold it, as reading their tags would', () => {
    const dist = buildSite(fixture('basic'));
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html'));
    let quick = 0;
    for (const name of pages) {
      const html = readFileSync(path.join(dist, name), 'utf8');
      const inPlace = policyInPlace(html);
      if (!inPlace) continue;
      quick++;
      expect(inPlace, name).toEqual(addCspMetaByScan(html));
    }
    expect(quick).toBeGreaterThan(pages.length / 2);
  });
});

describe('adding the policy to a built site', () => {
  test('gives the same pages and warnings in worker threads (at the usual and the lowest priority) as on the main thread, and what the build gave', async () => {
    const built = buildSite(fixture('hardening'));
    const withoutPolicy = (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/g, '');
    const runs = await Promise.all(
      [{ shares: 1 }, { shares: 3 }, { shares: 3, background: true }].map(async (threads) => {
        const copy = path.join(tempDir('lectern-csp-'), 'dist');
        cpSync(built, copy, { recursive: true });
        for (const file of htmlPages(copy)) writeFileSync(path.join(copy, file), withoutPolicy(readFileSync(path.join(copy, file), 'utf8')));
        // A page with an inline script and markup no hash can allow, which the built pages do not have.
        mkdirSync(path.join(copy, 'extra'));
        writeFileSync(path.join(copy, 'extra/index.html'), PAGE.replace('<body></body>', '<body><script>run()</script><p style="color:red">x</p></body>'));
        const lines: string[] = [];
        await addPolicies(copy, { frameSrc: ['v.example.gov.cn'] }, { info: (line) => lines.push(line), warn: (line) => lines.push(`warn ${line}`) }, threads);
        return { pages: Object.fromEntries(htmlPages(copy).map((file) => [file, readFileSync(path.join(copy, file), 'utf8')])), lines };
      }),
    );
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    expect(runs[0].lines.at(-1)).toMatch(/^Content-Security-Policy on \d+ page\(s\)/);
    expect(runs[0].lines).toContain('warn extra/index.html: style attribute on <p> is blocked by the Content-Security-Policy');
    expect(runs[0].pages['extra/index.html']).toContain(sha256Source('run()'));
    for (const [file, html] of Object.entries(runs[0].pages)) {
      if (file !== 'extra/index.html') expect(html, file).toBe(readFileSync(path.join(built, file), 'utf8'));
    }
  });

  test('reads again only the pages that are new files since the last pass, and reports the same', async () => {
    const copy = path.join(tempDir('lectern-csp-'), 'dist');
    const cacheDir = tempDir('lectern-csp-cache-');
    cpSync(buildSite(fixture('hardening')), copy, { recursive: true });
    mkdirSync(path.join(copy, 'extra'));
    writeFileSync(path.join(copy, 'extra/index.html'), PAGE.replace('<body></body>', '<body><script>run()</script><p style="color:red">x</p></body>'));
    const pass = async () => {
      const lines: string[] = [];
      await addPolicies(copy, { frameSrc: ['v.example.gov.cn'] }, { info: (line) => lines.push(line), warn: (line) => lines.push(`warn ${line}`) }, { cacheDir });
      return lines;
    };
    const first = await pass();
    const pages = htmlPages(copy).length;
    expect(first.at(-1)).not.toMatch(/unchanged since the last build/);
    const second = await pass();
    expect(second.at(-1)).toMatch(new RegExp(`; ${pages} page\\(s\\) unchanged since the last build, not read$`));
    // The same warnings and counts, from what the first pass found.
    expect(second.slice(0, -1)).toEqual(first.slice(0, -1));
    expect(second.at(-1)?.replace(/; \d+ page\(s\) unchanged.*$/, '').replace(/\d+ of them written again/, '')).toBe(first.at(-1)?.replace(/\d+ of them written again/, ''));
    // A page written anew (as Astro writes a page it renders) is read again and given its policy.
    const home = path.join(copy, 'index.html');
    rmSync(home);
    writeFileSync(home, PAGE.replace('<body></body>', '<body><script>other()</script></body>'));
    const third = await pass();
    expect(third.at(-1)).toMatch(new RegExp(`, 1 of them written again; .*; ${pages - 1} page\\(s\\) unchanged since the last build, not read$`));
    expect(readFileSync(home, 'utf8')).toContain(sha256Source('other()'));
  });
});

describe('the policy as pages render', () => {
  test('is already right on every page without inline code, so the pass after the build writes only pages with inline code', () => {
    const built = buildSite(fixture('hardening'));
    const pages = htmlPages(built).map((file) => readFileSync(path.join(built, file), 'utf8'));
    const withHashes = pages.filter((html) => /Content-Security-Policy" content="[^"]*'sha256-/.test(html)).length;
    const line = /Content-Security-Policy on (\d+) page\(s\), (\d+) of them written again/.exec(buildLog(built));
    expect(line, 'the build logs how many pages the pass wrote').not.toBeNull();
    expect(Number(line![1])).toBe(pages.length);
    expect(Number(line![2])).toBe(withHashes);
    expect(withHashes).toBeLessThan(pages.length);
  });
});

describe('the policy nginx sends (docs/deploy.md)', () => {
  test('allows everything the pages allow: the pages need no hash or source the header would refuse', () => {
    const deploy = readFileSync(path.join(projectRoot, 'docs/deploy.md'), 'utf8');
    const headerText = /add_header Content-Security-Policy "([^"]+)"/.exec(deploy)?.[1];
    expect(headerText, 'docs/deploy.md sends a Content-Security-Policy header').toBeDefined();
    const header = parsePolicy(headerText!);
    // The search worker takes its policy from this header, not from the page.
    expect(header.get('script-src')).toContain("'wasm-unsafe-eval'");
    const dist = buildSite(fixture('basic'));
    const refused: string[] = [];
    for (const file of htmlPages(dist)) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(readFileSync(path.join(dist, file), 'utf8'))?.[1];
      expect(meta, file).toBeDefined();
      for (const [directive, sources] of parsePolicy(meta!)) {
        const effective = header.get(directive) ?? (FETCH_DIRECTIVES.has(directive) ? header.get('default-src') : undefined);
        if (effective === undefined) continue;
        for (const source of sources) {
          if (source !== "'none'" && !effective.includes(source)) refused.push(`${file}: ${directive} ${source}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });
});

/** What a page did that the policy refused, and the requests it made to other origins. */
interface Visit {
  violations: string[];
  outside: string[];
}

async function visit(browser: Browser, server: StaticServer, url: string, settle: (page: Page) => Promise<void> = async () => {}): Promise<Visit & { page: Page }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith(server.origin) || requested.startsWith('data:')) return route.continue();
    outside.push(requested);
    return route.abort();
  });
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  await page.exposeFunction('lecternViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { lecternViolation(text: string): void }).lecternViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI}`);
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  await page.waitForTimeout(100);
  return { page, violations, outside };
}

function htmlPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => name.split(path.sep).join('/'));
}

function urlOf(page: string): string {
  return page === 'index.html' ? '' : page.endsWith('/index.html') ? page.slice(0, -'index.html'.length) : page;
}

describe('in the browser', () => {
  let browser: Browser;
  const servers: StaticServer[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  test.each(['basic', 'hardening'])('every page of the %s fixture carries the policy and breaks none of it', async (name) => {
    const dist = buildSite(fixture(name));
    const server = await serveStatic(dist);
    servers.push(server);
    const pages = htmlPages(dist);
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const { page, violations, outside } = await visit(browser, server, server.url + urlOf(file));
      expect(violations, file).toEqual([]);
      // Nothing from another origin, but the one iframe the hardening fixture's site.yaml
      // allows, on the pages that show that document (its own, the course's print view).
      const allowedFrame = 'https://v.example.gov.cn/player/1';
      const framed = readFileSync(path.join(dist, file), 'utf8').includes(`<iframe src="${allowedFrame}"`);
      expect(outside, file).toEqual(framed ? [allowedFrame] : []);
      const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
      expect(policy, file).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
      // First in <head> after the charset, so it covers everything that follows.
      const position = await page.evaluate(() => [...document.head.children].findIndex((el) => el.getAttribute('http-equiv') === 'Content-Security-Policy'));
      expect(position, file).toBe(1);
      await page.close();
    }
  });

  test('an inline script or style runs by its hash, and the same block changed by one byte is refused', async () => {
    const dist = path.join(tempDir('lectern-csp-'), 'dist');
    cpSync(buildSite(fixture('basic')), dist, { recursive: true });
    const base = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const inline = '<script>document.body.dataset.inline = "ran";</script><style>body { --probe: allowed; }</style>';
    for (const [folder, tamper] of [['hashed', false], ['tampered', true]] as const) {
      let html = addCspMeta(base.replace('</body>', `${inline}</body>`)).html;
      if (tamper) html = html.replace('"ran"', '"run"').replace('allowed', 'allowedx');
      mkdirSync(path.join(dist, folder));
      writeFileSync(path.join(dist, folder, 'index.html'), html);
    }
    const server = await serveStatic(dist);
    servers.push(server);
    const read = (page: Page) => page.evaluate(() => [document.body.dataset.inline ?? '', getComputedStyle(document.body).getPropertyValue('--probe').trim()]);

    const hashed = await visit(browser, server, `${server.url}hashed/`);
    expect(hashed.violations).toEqual([]);
    expect(await read(hashed.page)).toEqual(['ran', 'allowed']);

    const tampered = await visit(browser, server, `${server.url}tampered/`);
    expect(await read(tampered.page)).toEqual(['', '']);
    expect(tampered.violations.filter((v) => v.startsWith('script-src-elem blocked inline'))).toHaveLength(1);
    expect(tampered.violations.filter((v) => v.startsWith('style-src-elem blocked inline'))).toHaveLength(1);
  });

  describe('search under the policy', () => {
    let dist: string;
    let server: StaticServer;
    beforeAll(async () => {
      dist = path.join(tempDir('lectern-csp-search-'), 'dist');
      cpSync(buildSite(fixture('basic')), dist, { recursive: true });
      // The build writes the Pagefind index; a build without one (search switched off)
      // is indexed here the way the search integration does it.
      if (!existsSync(path.join(dist, 'pagefind'))) {
        const { index } = await pagefind.createIndex({});
        await index!.addDirectory({ path: dist });
        await index!.writeFiles({ outputPath: path.join(dist, 'pagefind') });
        await pagefind.close();
      }
      writeFileSync(
        path.join(dist, 'probe.js'),
        "const pagefind = await import('./pagefind/pagefind.js');\n" +
          'await pagefind.init();\n' +
          "const search = await pagefind.search('票决制');\n" +
          'document.body.dataset.results = String(search.results.length);\n',
      );
      const page = readFileSync(path.join(dist, 'index.html'), 'utf8').replace('</body>', '<script type="module" src="/probe.js"></script></body>');
      const variants: Record<string, (html: string) => string> = {
        'as-built': (html) => html,
        // Pagefind runs its WebAssembly in a worker; when no worker can start it falls
        // back to the page itself, which is what 'wasm-unsafe-eval' is for.
        'no-worker': (html) => html.replace("default-src 'self';", "default-src 'self'; worker-src 'none';"),
        'no-worker-no-wasm': (html) => html.replace("default-src 'self';", "default-src 'self'; worker-src 'none';").replace(" 'wasm-unsafe-eval'", ''),
      };
      for (const [name, change] of Object.entries(variants)) {
        mkdirSync(path.join(dist, 'probe', name), { recursive: true });
        writeFileSync(path.join(dist, 'probe', name, 'index.html'), change(page));
      }
      server = await serveStatic(dist);
      servers.push(server);
    });
    const results = (page: Page) => page.waitForFunction(() => document.body.dataset.results, undefined, { timeout: 15_000 }).then(async () => Number(await page.evaluate(() => document.body.dataset.results)));

    test('Pagefind finds documents under the built policy', async () => {
      const { page, violations } = await visit(browser, server, `${server.url}probe/as-built/`);
      expect(await results(page)).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    });

    test("without a worker, search falls back to the page and needs 'wasm-unsafe-eval'", async () => {
      const withWasm = await visit(browser, server, `${server.url}probe/no-worker/`);
      expect(await results(withWasm.page)).toBeGreaterThan(0);
      expect(withWasm.violations.filter((v) => !v.startsWith('worker-src') && !/worker/i.test(v))).toEqual([]);

      const withoutWasm = await visit(browser, server, `${server.url}probe/no-worker-no-wasm/`, (page) => page.waitForTimeout(2000));
      expect(await withoutWasm.page.evaluate(() => document.body.dataset.results)).toBeUndefined();
      expect(withoutWasm.violations.some((v) => v.startsWith('script-src blocked wasm-eval'))).toBe(true);
    });

    test('the search page finds documents and breaks no part of the policy', async () => {
      const { page, violations } = await visit(browser, server, `${server.url}search/?q=${encodeURIComponent('票决制')}`, (p) =>
        p.waitForFunction(() => document.querySelectorAll('[data-lectern-results] li').length > 0, undefined, { timeout: 15_000 }).then(() => undefined),
      );
      expect(await page.locator('[data-lectern-results] li').count()).toBeGreaterThan(0);
      expect(violations).toEqual([]);
    });
  });
});
