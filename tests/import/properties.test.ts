/**
 * Properties of the importer over generated inputs (fast-check):
 * it never throws on any bytes, it never loses a line of the text except the
 * ones it reports as dropped, and `--dry-run` never writes anything.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBytes, importFile, ImportError, type ImportedFile } from '../../src/import/import-file.ts';
import { normaliseText, trimLine } from '../../src/import/normalize.ts';
import { unescapeMarkdown } from '../../src/import/markdown.ts';
import { runImport } from '../../src/cli/import.ts';
import { encodeLegacy } from '../helpers/legacy-encoding.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const HAN = '的一是在人有我他这中大为上个国以要时来们生到作地于出会可也对能下过子说产种面方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const PUNCT = '，。、；：！？“”（）……——《》,.;:!?()';

const hanText = (min: number, max: number) => fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((a) => a.join(''));
const sentence = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...HAN) }, { weight: 1, arbitrary: fc.constantFrom(...PUNCT) }, { weight: 1, arbitrary: fc.constantFrom('2024', '11', ' ', 'x', '*', '#', '-', '1.', '[', '<a') }), { minLength: 1, maxLength: 80 })
  .map((a) => a.join(''));
const name = fc.tuple(fc.constantFrom(...'王李张刘陈杨赵吴'), hanText(1, 2)).map(([a, b]) => a + b);

/** Lines in the forms the importer recognises, and lines in no form at all. */
const line = fc.oneof(
  { weight: 8, arbitrary: sentence },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('来源：', '作者：', '编辑：', '时间：', '记者 ', '通讯员 ', '主讲人：', '审核：'), fc.oneof(name, hanText(2, 8), fc.constant('2024-11-26'))).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.constantFrom('打印', '关闭此页', '当前位置：首页 > 要闻', '字号 大 中 小', '扫一扫在手机打开当前页', '【纠错】', 'image.png', '微信图片_20240101120000', '版权所有') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('一、', '（二）', '第三部分 ', '▲', '图为', '本报讯（记者 王五）', '此处隐藏12字', '——'), sentence).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.tuple(sentence, fc.constantFrom('（此处省略300字）', '（图文供稿：县人大）', '一是', '。'), sentence).map(([a, b, c]) => a + b + c) },
);
const article = fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 25 }).map((parts) => parts.map(([l, sep]) => l + sep).join(''));

/** Front-matter keys that can hold what a line's field named. */
const FIELD_KEYS: Record<string, string[]> = {
  title: ['title'],
  subtitle: ['subtitle', 'series'],
  date: ['date'],
  source: ['source'],
  person: ['speaker', 'lecturers', 'authors'],
  omitted: ['omitted'],
  images: ['images', 'attachments'],
  series: ['series'],
  authors: ['authors'],
  reporters: ['reporters'],
  correspondents: ['correspondents'],
  photographers: ['photographers'],
  editors: ['editors'],
  lecturers: ['lecturers', 'speaker'],
  speaker: ['speaker', 'lecturers'],
};

const squash = (text: string) => text.replace(/\s+/g, '');

/** Every line of `text` is in the body, in the front matter, or reported as dropped. */
function checkNothingLost(text: string, result: ImportedFile): void {
  const lines = normaliseText(text).split('\n');
  const body = squash(unescapeMarkdown(result.body.replace(/^#{1,6} /gm, '')));
  const trace = new Map(result.trace.map((t) => [t.line, t]));
  const warned = (line: number) => result.warnings.some((w) => w.line === line);
  const explained = result.warnings.some((w) => w.code === 'ignoredField' || w.code === 'conflict');
  lines.forEach((raw, i) => {
    const content = trimLine(raw);
    if (content === '') return;
    const entry = trace.get(i + 1);
    expect(entry, `line ${i + 1} ${JSON.stringify(content)} has no trace`).toBeDefined();
    expect(entry!.text).toBe(content);
    if (entry!.use === 'body') {
      let rest = content;
      for (const removed of entry!.removed ?? []) rest = rest.replace(removed, '');
      expect(body.includes(squash(rest)), `line ${i + 1} ${JSON.stringify(rest)} is not in the body`).toBe(true);
    } else if (entry!.use === 'dropped') {
      expect(result.warnings.some((w) => w.line === i + 1 && w.text === content), `dropped line ${i + 1} not reported`).toBe(true);
    } else {
      const fields = entry!.fields ?? [];
      expect(fields.length > 0 || warned(i + 1), `line ${i + 1} ${JSON.stringify(content)} (${entry!.use}) fills nothing`).toBe(true);
      for (const field of fields) {
        const keys = FIELD_KEYS[field] ?? [field];
        const kept = keys.some((key) => result.frontmatter[key] !== undefined) || explained || warned(i + 1);
        expect(kept, `line ${i + 1} ${JSON.stringify(content)}: ${field} is in no field`).toBe(true);
      }
    }
  });
}

describe('importing never throws', () => {
  it('on arbitrary bytes read as text, Markdown or HTML', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('text', 'markdown', 'html') as fc.Arbitrary<'text' | 'markdown' | 'html'>, (bytes, format) => {
        const result = importBytes(bytes, format);
        expect(typeof result.body).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('on arbitrary Unicode text in UTF-8 and GBK', () => {
    fc.assert(
      fc.property(article, fc.boolean(), (text, gbk) => {
        let bytes: Buffer;
        try {
          bytes = gbk ? encodeLegacy(text, 'gbk') : Buffer.from(text);
        } catch {
          bytes = Buffer.from(text);
        }
        importBytes(bytes, 'text');
        importBytes(Buffer.from(`<html><body><div class="content"><p>${text.split('\n').join('</p><p>')}</p></div></body></html>`), 'html');
      }),
      { numRuns: 200 },
    );
  });

  it('on arbitrary or damaged .docx files: they are refused with an ImportError', async () => {
    const real = readFileSync(fixture('import/writeup-docx-image/input.docx'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.tuple(fc.nat({ max: real.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
            const copy = Uint8Array.from(real);
            copy[at] = byte;
            return copy;
          }),
        ),
        async (bytes) => {
          try {
            await importFile(bytes, 'x.docx');
          } catch (error) {
            expect(error).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('importing never loses a line', () => {
  it('of generated articles: every line is in the body, the front matter, or a warning', () => {
    fc.assert(
      fc.property(article, fc.constantFrom(undefined, 'speech', 'lecture', 'writeup') as fc.Arbitrary<'speech' | 'lecture' | 'writeup' | undefined>, (text, kind) => {
        checkNothingLost(text, importBytes(Buffer.from(text), 'text', { kind, contextYear: 2024 }));
      }),
      { numRuns: 400 },
    );
  });

  it('of the fixtures written as plain text', () => {
    for (const name of readdirSync(fixture('import'))) {
      const file = path.join(fixture('import'), name, 'input.txt');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (text.includes('\ufffd')) continue;
      checkNothingLost(text, importBytes(Buffer.from(text), 'text'));
    }
  });
});

/** Every file under `dir` with its size, modification time and content hash. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        out.push(`${full}/`);
        walk(full);
      } else {
        const stat = statSync(full);
        out.push(`${full} ${stat.size} ${stat.mtimeMs} ${createHash('sha1').update(readFileSync(full)).digest('hex')}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

const sink = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

describe('--dry-run', () => {
  it('never writes, whatever the files and the other options', async () => {
    const root = tempDir('lectern-dry-run-');
    const content = path.join(root, 'content');
    cpSync(fixture('basic'), content, { recursive: true });
    const inputs = path.join(root, 'inputs');
    mkdirSync(inputs);
    writeFileSync(path.join(inputs, 'docx.docx'), readFileSync(fixture('import/writeup-docx-image/input.docx')));
    const contentBefore = snapshot(content);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a.txt', 'b.md', 'c.html', 'd.htm', 'e.docx'), fc.oneof(article, fc.uint8Array({ maxLength: 500 }))), { minLength: 1, maxLength: 4 }),
        fc.subarray(['--json', '--force']),
        fc.constantFrom([], ['--course', 'dabieshan-2024'], ['--course', 'new-course'], ['--kind', 'lecture']),
        fc.boolean(),
        async (files, flags, extra, folder) => {
          const dir = path.join(inputs, `run-${runs++}`);
          mkdirSync(dir);
          for (const [file, data] of files) writeFileSync(path.join(dir, file), typeof data === 'string' ? Buffer.from(data) : data);
          const snapshotBefore = snapshot(root);
          const args = ['--dry-run', ...flags, ...extra, ...(folder ? [dir] : files.map(([file]) => path.join(dir, file))), path.join(inputs, 'docx.docx')];
          const status = await runImport(args, { stdout: sink(), stderr: sink(), cwd: root, isTTY: false });
          expect([0, 1]).toContain(status);
          expect(snapshot(root)).toEqual(snapshotBefore);
        },
      ),
      { numRuns: 25 },
    );
    // The content folder in particular is exactly as it was before any run.
    expect(snapshot(content)).toEqual(contentBefore);
  });
});
