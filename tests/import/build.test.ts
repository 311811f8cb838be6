/**
 * End to end: documents imported from the seeds, a .docx and a saved page check
 * clean (once the photos the warnings ask for are added) and build into pages
 * that show what the importer found.
 */
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { readArchive } from '../../src/archive/read-archive.ts';
import { buildSite } from '../helpers/lectern.ts';
import { fixture, seedsDir, tempDir } from '../helpers/paths.ts';

let content: string;
let site: string;
const imported: { id: string; kind: string; warnings: { code: string; message: string }[] }[] = [];

beforeAll(async () => {
  const root = tempDir('lectern-import-build-');
  content = path.join(root, 'content');
  cpSync(fixture('basic'), content, { recursive: true });
  let out = '';
  const stdout = new Writable({
    write(chunk, _e, done) {
      out += String(chunk);
      done();
    },
  });
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const files = [
    path.join(seedsDir, 'speech-district-opening.txt'),
    path.join(seedsDir, 'writeup-xinyang-2024.txt'),
    fixture('import/writeup-docx-image/input.docx'),
    fixture('import/writeup-html-page/input.html'),
    fixture('import/lecture-series/input.txt'),
  ];
  const status = await runImport(['--course', 'dabieshan-2024', '--json', ...files], { stdout, stderr: sink, cwd: root, isTTY: false });
  expect(status).toBe(0);
  imported.push(...(JSON.parse(out) as typeof imported));
  // What the editor does after reading the warnings: put the photos where they are asked for.
  for (const doc of imported) {
    for (const warning of doc.warnings.filter((w) => w.code === 'imageFileNeeded')) {
      const src = /media\/[^\s]+/.exec(warning.message)![0];
      copyFileSync(path.join(content, 'dabieshan-2024/media/xianchang.png'), path.join(content, 'dabieshan-2024', src));
    }
  }
  site = buildSite(content);
}, 600_000);

const page = (id: string) => readFileSync(path.join(site, 'courses/dabieshan-2024', id, 'index.html'), 'utf8');

describe('imported documents', () => {
  it('check clean once the photos are in place', () => {
    expect(readArchive(content).problems).toEqual([]);
  });

  it('build into pages with their title, byline, headings and photos', () => {
    const writeup = imported.find((d) => d.kind === 'writeup' && d.id.startsWith('xinyang'))!;
    const html = page(writeup.id);
    expect(html).toContain('信阳人大：为高水平履职“充电赋能”');
    expect(html).toContain('王紫仪');
    expect(html).toContain('曹新俊');
    expect(html).toMatch(/<h2[^>]*>互学互促<\/h2>/);
    expect(html).toMatch(/<figcaption>会议现场<\/figcaption>/);

    const speech = page('kaibanshi-jianghua');
    expect(speech).toContain('4864');
    expect(speech).toMatch(/<h2[^>]*>一、深化“一个认识”/);
    expect(speech).not.toContain('此处隐藏');

    const docx = imported.find((d) => d.id.startsWith('tongbaixian'))!;
    expect(page(docx.id)).toContain(`media/${docx.id}-1.png`);
  });
});
