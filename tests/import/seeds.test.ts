/**
 * The two real documents the archive exists for, read in place from
 * ../shared/seeds: what the issue says each must come out as.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportedFile } from '../../src/import/import-file.ts';
import { documentSchemas } from '../../src/schemas/document.ts';
import { seedsDir } from '../helpers/paths.ts';

let speech: ImportedFile;
let writeup: ImportedFile;

beforeAll(async () => {
  const read = (name: string) => importFile(readFileSync(path.join(seedsDir, name)), name);
  speech = await read('speech-district-opening.txt');
  writeup = await read('writeup-xinyang-2024.txt');
});

const headings = (body: string) => body.split('\n').filter((line) => line.startsWith('#'));

describe('speech-district-opening.txt', () => {
  it('is a speech dated 2024-04 from 网友投稿 with 4864 characters omitted', () => {
    expect(speech.kind).toBe('speech');
    expect(speech.frontmatter).toMatchObject({
      title: '在全区人大代表和人大工作者履职能力提升培训班开班式上的讲话',
      date: '2024-04',
      source: '网友投稿',
      occasion: '开班式',
      omitted: { chars: 4864 },
    });
    expect(speech.id).toBe('kaibanshi-jianghua');
    expect(documentSchemas.speech.safeParse(speech.frontmatter).success).toBe(true);
  });

  it('keeps no marker of the hidden text and no header line in the body', () => {
    expect(speech.body).not.toMatch(/此处隐藏|下载后查看|更新时间|来源/);
    expect(speech.body.startsWith('经区委同意，今天我们在这里举办')).toBe(true);
  });

  it('turns the outline heading into a heading and splits the paragraph run into it', () => {
    // The expected heading is taken from the seed itself: its 一、 line up to the run-in 一是,
    // with the half-width commas of the NFKC text made full-width.
    const seedLine = readFileSync(path.join(seedsDir, 'speech-district-opening.txt'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('一、'))!;
    const expected = `## ${seedLine.slice(0, seedLine.indexOf('一是', 2)).replace(/,/g, '，')}`;
    expect(expected.length).toBeGreaterThan(20);
    expect(headings(speech.body)).toEqual([expected]);
    expect(speech.body).toContain('必要性\n\n一是加强教育培训是深入学习宣传贯彻');
    // 二是…, 三要…, 一要…二要… inside paragraphs stay text.
    expect(speech.body).toContain('\n\n二是加强教育培训是人大依法履职');
    expect(speech.body).toContain('一要注意安全。');
  });

  it('says that no speaker was found, and invents none', () => {
    expect(speech.frontmatter.speaker).toBeUndefined();
    expect(speech.warnings.map((w) => w.code)).toEqual(['noSpeaker']);
  });
});

describe('writeup-xinyang-2024.txt', () => {
  it('is a write-up dated 2024-11-26 from 河南省人大融媒体中心 with its byline', () => {
    expect(writeup.kind).toBe('writeup');
    expect(writeup.frontmatter).toMatchObject({
      title: '信阳人大：为高水平履职“充电赋能”',
      subtitle: '全市县乡人大干部履职能力提升培训班侧记',
      date: '2024-11-26',
      source: '河南省人大融媒体中心',
      reporters: ['王紫仪'],
      correspondents: ['曹新俊'],
      editors: ['李恒'],
    });
    expect(documentSchemas.writeup.safeParse(writeup.frontmatter).success).toBe(true);
  });

  it('has one image captioned 会议现场 and asks for its file', () => {
    const images = writeup.frontmatter.images as { src: string; caption: string }[];
    expect(images).toHaveLength(1);
    expect(images[0]).toEqual({ src: `media/${writeup.id}-1.jpg`, caption: '会议现场' });
    expect(writeup.warnings.map((w) => w.code)).toEqual(['droppedFileName', 'imageFileNeeded']);
    expect(writeup.warnings[0]).toMatchObject({ line: 5, text: '微信图片_20241126155552' });
  });

  it('has its three section headings and no byline, file name or caption in the body', () => {
    expect(headings(writeup.body)).toEqual(['## 精准选课', '## 凝聚共识', '## 互学互促']);
    expect(writeup.body.startsWith('初冬时节，寒意渐浓')).toBe(true);
    expect(writeup.body).not.toMatch(/微信图片|会议现场|河南省人大融媒体中心讯|记者|编辑：|编辑:/);
    expect(writeup.body).toContain('为全面推进中国式现代化建设信阳实践贡献更多智慧和力量。');
  });
});
