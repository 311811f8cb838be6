import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildSite } from '../helpers/lectern.ts';
import { fixture, projectRoot, tempDir } from '../helpers/paths.ts';

/**
 * The nginx example of docs/security.md, run as written (only the folder and the
 * official site's origin replaced) over a build under /peixun/: its headers, and
 * what they do to a page framed by another origin.
 */

const NGINX = '/usr/sbin/nginx';
const work = tempDir('lectern-nginx-');
let nginx: ChildProcess;
let port: number;
const servers: Server[] = [];
let browser: Browser;

/** A server on 127.0.0.1 whose only page frames the given URLs: another origin. */
async function framingSite(frames: string[]): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>官方网站</title>${frames.map((src) => `<iframe src="${src}"></iframe>`).join('')}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

function headersOf(url: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    }).on('error', reject);
  });
}

// The official site that may frame the embed pages, and one that may not: two origins.
let official: string;
let stranger: string;

beforeAll(async () => {
  expect(existsSync(NGINX), 'nginx is needed: apt-get install nginx (as .ci/run does)').toBe(true);
  const www = path.join(work, 'www');
  cpSync(buildSite(fixture('basic'), { BASE_PATH: '/peixun/' }), path.join(www, 'peixun'), { recursive: true });
  // Until the embed pages exist in this branch, a page stands in for them.
  const embed = path.join(www, 'peixun/embed/latest/index.html');
  if (!existsSync(embed)) {
    mkdirSync(path.dirname(embed), { recursive: true });
    writeFileSync(embed, readFileSync(path.join(www, 'peixun/index.html')));
  }
  port = await freePort();
  const page = (base: string) => `http://127.0.0.1:${port}/peixun/${base}`;
  official = await framingSite([page('courses/quren-2024/'), page('embed/latest/')]);
  stranger = await framingSite([page('embed/latest/')]);

  const doc = readFileSync(path.join(projectRoot, 'docs/security.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
  expect(block, 'docs/security.md has an nginx block').toBeDefined();
  const locations = block!.replaceAll('/var/www/peixun/', `${www}/peixun/`).replaceAll('https://www.example.gov.cn', official);
  for (const dir of ['logs', 'tmp']) mkdirSync(path.join(work, dir));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${work}/tmp/${name};`).join('\n  ');
  writeFileSync(
    path.join(work, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;\npid ${work}/nginx.pid;\nerror_log ${work}/logs/error.log;\n` +
      `events { worker_connections 64; }\nhttp {\n  access_log off;\n  ${temp}\n` +
      '  types { text/html html; text/css css; text/javascript js; image/png png; text/plain txt; application/json json; application/wasm wasm; }\n' +
      `  server {\n    listen 127.0.0.1:${port};\n${locations}\n  }\n}\n`,
  );
  nginx = spawn(NGINX, ['-p', work, '-c', path.join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let attempt = 0; ; attempt++) {
    try {
      await headersOf(page(''));
      break;
    } catch (error) {
      if (attempt > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

describe('the nginx example of docs/security.md', () => {
  test('sends the headers with every page', async () => {
    const { status, headers } = await headersOf(`http://127.0.0.1:${port}/peixun/courses/quren-2024/`);
    expect(status).toBe(200);
    expect(headers['content-security-policy']).toBe("frame-ancestors 'self'; object-src 'none'; base-uri 'self'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('lets the listed site, and only it, frame the embed pages', async () => {
    const { headers } = await headersOf(`http://127.0.0.1:${port}/peixun/embed/latest/`);
    expect(headers['content-security-policy']).toBe(`frame-ancestors 'self' ${official}; object-src 'none'; base-uri 'self'`);
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  test('in the browser: a framed page is refused, the embed page shown to the official site alone', async () => {
    const loaded = async (site: string) => {
      const page = await browser.newPage();
      await page.goto(site, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      // A frame the browser refused shows its error page: no <main> from the archive.
      const frames = await Promise.all(
        page.frames().slice(1).map(async (frame) => [new URL(frame.url()).pathname, await frame.evaluate(() => document.querySelector('main') !== null).catch(() => false)] as const),
      );
      await page.close();
      return frames.filter(([, shown]) => shown).map(([pathname]) => pathname);
    };
    expect(await loaded(official)).toEqual(['/peixun/embed/latest/']);
    expect(await loaded(stranger)).toEqual([]);
  });

  test('the pages break neither their own policy nor the header', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const url of ['', 'courses/dabieshan-2024/ceji/', 'courses/dabieshan-2024/zhidu-lishi/']) {
      await page.goto(`http://127.0.0.1:${port}/peixun/${url}`, { waitUntil: 'load' });
      // The stylesheet arrived through nginx and the policy let it apply.
      expect(await page.evaluate(() => [...document.styleSheets].reduce((rules, sheet) => rules + sheet.cssRules.length, 0))).toBeGreaterThan(5);
    }
    expect(violations).toEqual([]);
    await page.close();
  });
});
