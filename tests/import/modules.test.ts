/** The importer's modules, one describe each, on the forms docs/import.md lists. */
import { describe, expect, it } from 'vitest';
import { decodeBytes, canonicalLabel } from '../../src/import/decode.ts';
import { fullWidthPunctuation, normaliseText } from '../../src/import/normalize.ts';
import { findDate, parseDateValue } from '../../src/import/dates.ts';
import { parseHeaderLine, parseTrailingCredit } from '../../src/import/header.ts';
import { matchChrome, matchEdgeChrome } from '../../src/import/chrome.ts';
import { parseDateline } from '../../src/import/dateline.ts';
import { matchNumberedHeading, isBareHeadingText, isSalutation } from '../../src/import/structure.ts';
import { isChineseName, parsePerson } from '../../src/import/names.ts';
import { matchCaption } from '../../src/import/captions.ts';
import { findOmitted } from '../../src/import/omitted.ts';
import { proposeId } from '../../src/import/id.ts';
import { escapeMarkdown, unescapeMarkdown } from '../../src/import/markdown.ts';
import { detectKind, isSeriesLine } from '../../src/import/kind.ts';
import { splitTitle, parseUnderTitle, speakerFromTitle } from '../../src/import/title.ts';
import { htmlToLines } from '../../src/import/html.ts';
import { importLines } from '../../src/import/document.ts';
import { shadow } from '../../src/import/simplified.ts';
import { encodeLegacy } from '../helpers/legacy-encoding.ts';

const text = '县人大常委会举办全县人大代表履职能力提升培训班，各乡镇人大主席和部分县人大代表参加培训，学习代表法和地方组织法。';

/** Fields of a header line as { field: value or names }. */
const fields = (line: string, year?: number) =>
  parseHeaderLine(line, shadow(line), year)?.map((f) => [f.field, f.date?.date ?? f.people ?? f.value]);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM, and UTF-16 with one, as certain', () => {
    expect(decodeBytes(Buffer.from(text))).toMatchObject({ text, encoding: 'utf-8', confidence: 1, bom: false });
    expect(decodeBytes(Buffer.from(`\ufeff${text}`))).toMatchObject({ text, encoding: 'utf-8', bom: true });
    expect(decodeBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toMatchObject({ text, encoding: 'utf-16le' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('tells GBK from Big5 and is confident on a paragraph of either', () => {
    const gbk = decodeBytes(encodeLegacy(text, 'gbk'));
    expect(gbk).toMatchObject({ text, encoding: 'gb18030' });
    expect(gbk.confidence).toBeGreaterThanOrEqual(0.8);
    const traditional = '縣人大常委會舉辦全縣人大代表履職能力提升培訓班，各鄉鎮人大主席和部分縣人大代表參加培訓，學習代表法。';
    const big5 = decodeBytes(encodeLegacy(traditional, 'big5'));
    expect(big5).toMatchObject({ text: traditional, encoding: 'big5' });
    expect(big5.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('reads UTF-16 without a BOM by what makes sense', () => {
    expect(decodeBytes(Buffer.from(text, 'utf16le'))).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('is unsure, and says so, about a few bytes', () => {
    const short = decodeBytes(encodeLegacy('会议', 'gbk'));
    expect(short.confidence).toBeLessThan(0.8);
  });

  it('believes a declared charset that decodes cleanly; GB2312 and GBK read as GB18030', () => {
    expect(canonicalLabel('GB2312')).toBe('gb18030');
    expect(canonicalLabel('gbk')).toBe('gb18030');
    expect(canonicalLabel('big5')).toBe('big5');
    expect(decodeBytes(encodeLegacy(text, 'gbk'), 'gb2312')).toMatchObject({ text, encoding: 'gb18030', confidence: 0.95 });
  });
});

describe('normalise', () => {
  it('makes ASCII ,:;()!? between Chinese characters full-width, and nothing else', () => {
    expect(fullWidthPunctuation('经区委同意,今天我们;农(居)民代表!预祝成功?')).toBe('经区委同意，今天我们；农（居）民代表！预祝成功？');
    expect(fullWidthPunctuation('功能)!大家')).toBe('功能）！大家');
    expect(fullWidthPunctuation('(图文供稿:县人大)')).toBe('（图文供稿：县人大）');
    expect(fullWidthPunctuation('时间:2024-11-26 来源:网友投稿')).toBe('时间:2024-11-26 来源：网友投稿');
    expect(fullWidthPunctuation('600亿x, 150亿x')).toBe('600亿x, 150亿x');
    expect(fullWidthPunctuation('“1+1”工作法 (A) 和"引号"')).toBe('“1+1”工作法 (A) 和"引号"');
  });

  it('normalises line endings, NBSP and zero-width characters', () => {
    expect(normaliseText('第一行\r\n第二\u00a0行\r第三\u200b行')).toBe('第一行\n第二 行\n第三行');
  });
});

describe('dates', () => {
  it('reads every written form', () => {
    expect(findDate('2024年11月26日')?.date).toBe('2024-11-26');
    expect(findDate('二〇二三年十二月二十日')?.date).toBe('2023-12-20');
    expect(findDate('2024-11-26 15:55:52')?.date).toBe('2024-11-26');
    expect(findDate('2024/1/5')?.date).toBe('2024-01-05');
    expect(findDate('2022.06.22')?.date).toBe('2022-06-22');
    expect(findDate('更新时间:2024-04')?.date).toBe('2024-04');
    expect(findDate('2024年')?.date).toBe('2024');
  });

  it('takes the year of 11月18日至20日 from the context, with the end of the span', () => {
    expect(findDate('11月18日至20日，培训班在这里举办', 2024)).toMatchObject({ date: '2024-11-18', end: '2024-11-20', yearFromContext: true });
    expect(findDate('2024年11月28日至12月2日')).toMatchObject({ date: '2024-11-28', end: '2024-12-02' });
    expect(findDate('11月18日至20日')).toBeUndefined();
  });

  it('accepts a date value only when nothing but a time surrounds it', () => {
    expect(parseDateValue('2024-09-20 16:42')?.date).toBe('2024-09-20');
    expect(parseDateValue('2024年4月13日 星期六')?.date).toBe('2024-04-13');
    expect(parseDateValue('2024年开了三次会')).toBeUndefined();
  });
});

describe('parseHeaderLine', () => {
  it('reads each label with a full-width or half-width colon', () => {
    expect(fields('来源：网友投稿')).toEqual([['source', '网友投稿']]);
    expect(fields('作者:孙丽')).toEqual([['authors', ['孙丽']]]);
    expect(fields('编辑：李恒')).toEqual([['editors', ['李恒']]]);
    expect(fields('责任编辑：郑红')).toEqual([['editors', ['郑红']]]);
    expect(fields('发布时间：2024-11-26')).toEqual([['date', '2024-11-26']]);
    expect(fields('更新时间:2024-04')).toEqual([['date', '2024-04']]);
    expect(fields('时间：2015-07-01')).toEqual([['date', '2015-07-01']]);
  });

  it('reads several fields in one line: spaced, piped or bracketed', () => {
    expect(fields('更新时间:2024-04 来源:网友投稿')).toEqual([['date', '2024-04'], ['source', '网友投稿']]);
    expect(fields('来源:X市人大|作者:孙丽|时间:2022-09-08')).toEqual([['source', 'X市人大'], ['authors', ['孙丽']], ['date', '2022-09-08']]);
    expect(fields('【发布日期:2022-06-22】【责任编辑:郑红】')).toEqual([['date', '2022-06-22'], ['editors', ['郑红']]]);
    expect(fields('发布时间：2024-03-18 来源：东江市人大 字号：大 中 小')).toEqual([['date', '2024-03-18'], ['source', '东江市人大'], ['chrome', '大 中 小']]);
  });

  it('reads roles written without a colon, and slashed credits', () => {
    expect(fields('记者 王紫仪 通讯员 曹新俊')).toEqual([['reporters', ['王紫仪']], ['correspondents', ['曹新俊']]]);
    expect(fields('记者 韩梅 通讯员 冯涛 蒋丽')).toEqual([['reporters', ['韩梅']], ['correspondents', ['冯涛', '蒋丽']]]);
    expect(fields('文/郭静 图/马骏')).toEqual([['authors', ['郭静']], ['photographers', ['马骏']]]);
  });

  it('reads a lecturer with the position in brackets or before the name', () => {
    expect(fields('主讲人：吴文毅（省人大常委会副秘书长、办公厅主任）')).toEqual([['lecturers', [{ name: '吴文毅', position: '省人大常委会副秘书长、办公厅主任' }]]]);
    expect(fields('授课人：市人大常委会党组书记、主任 谢天明')).toEqual([['lecturers', [{ name: '谢天明', position: '市人大常委会党组书记、主任' }]]]);
  });

  it('refuses sentences that merely start with a label word', () => {
    expect(fields('记者 今天从市人大常委会获悉，培训班将于下周举办。')).toBeUndefined();
    expect(fields('编辑部的同志们：')).toBeUndefined();
    expect(fields('时间过得很快，培训就要结束了。')).toBeUndefined();
    expect(fields('同志们：')).toBeUndefined();
  });

  it('reads a trailing credit at the end of a paragraph', () => {
    const line = '将把所学用到工作中。（图文供稿：南湖区人大常委会办公室）';
    const credit = parseTrailingCredit(line);
    expect(credit?.index).toBe(line.indexOf('（'));
    expect(credit?.fields.map((f) => [f.field, f.people])).toEqual([['authors', ['南湖区人大常委会办公室']]]);
    expect(parseTrailingCredit('这是（一个括号）结尾的句子（掌声）')).toBeUndefined();
  });
});

describe('chrome', () => {
  it.each([
    '当前位置：首页 > 人大要闻 >> 正文',
    '您现在的位置: 首页 >> 代表培训',
    '首页 > 工作动态',
    '字号 大 中 小',
    '【字号：大 中 小】【打印】【关闭】',
    '打印 关闭此页 分享',
    '关闭此页',
    '扫一扫在手机打开当前页',
    '【纠错】',
    '分享到：微信 微博',
    '上一篇：县人大常委会召开主任会议',
  ])('drops %s', (line) => {
    expect(matchChrome(shadow(line))).toBeDefined();
  });

  it('drops stray file names and remembers images', () => {
    expect(matchChrome('image.png')).toEqual({ kind: 'fileName', imageName: 'image.png' });
    expect(matchChrome('微信图片_20241126155552')).toEqual({ kind: 'fileName', imageName: '微信图片_20241126155552' });
    expect(matchChrome('微信图片_20241126155552.jpg')?.imageName).toBe('微信图片_20241126155552.jpg');
    expect(matchChrome('培训课件.pdf')).toEqual({ kind: 'fileName', imageName: undefined });
  });

  it('keeps text that only looks like chrome, and footers except at the edges', () => {
    expect(matchChrome('大中小学校的代表也参加了培训。')).toBeUndefined();
    expect(matchChrome('分享经验是这次交流会的主题')).toBeUndefined();
    expect(matchChrome('主办单位：青山县人大常委会')).toBeUndefined();
    expect(matchEdgeChrome('主办单位：青山县人大常委会')).toBeDefined();
    expect(matchEdgeChrome('版权所有：东江市人大常委会')).toBeDefined();
  });
});

describe('parseDateline', () => {
  it('reads 本报讯, agency datelines and their credits', () => {
    expect(parseDateline('本报讯（记者 赵晓燕 通讯员 钱志强）6月29日')?.credits.map((c) => [c.field, c.people])).toEqual([
      ['reporters', ['赵晓燕']],
      ['correspondents', ['钱志强']],
    ]);
    const agency = parseDateline('河南省人大融媒体中心讯（记者 王紫仪 通讯员 曹新俊）初冬时节');
    expect(agency).toMatchObject({ agency: '河南省人大融媒体中心', length: '河南省人大融媒体中心讯（记者 王紫仪 通讯员 曹新俊）'.length });
    expect(parseDateline('大河网11月26日讯（记者 陈晨）近日', '大河网11月26日讯（记者 陈晨）近日', 2024)).toMatchObject({ agency: '大河网', date: { date: '2024-11-26' } });
    expect(parseDateline('新华社北京11月26日电（记者 张三）', undefined, 2024)?.agency).toBe('新华社');
  });

  it('leaves sentences alone', () => {
    expect(parseDateline('今年以来，全市通讯网络建设加快')).toBeUndefined();
    expect(parseDateline('本报记者从通讯员处获悉，培训班下周开班')).toBeUndefined();
    expect(parseDateline('按照通讯录逐一通知代表')).toBeUndefined();
  });
});

describe('structure', () => {
  it('makes 一、（一）第一部分 and 第一个问题： headings on their own line', () => {
    expect(matchNumberedHeading('一、提高认识')).toEqual({ rank: 1, heading: '一、提高认识' });
    expect(matchNumberedHeading('（二）准确把握职责定位')).toEqual({ rank: 2, heading: '（二）准确把握职责定位' });
    expect(matchNumberedHeading('第一部分 人民代表大会制度的建立')?.rank).toBe(0);
    expect(matchNumberedHeading('第一个问题：关于今年代表工作的回顾')?.rank).toBe(0);
  });

  it('splits a heading run into its paragraph', () => {
    const glued = '一、深化认识，就是要把握学习教育培训的重要性和必要性一是加强教育培训是重要政治任务。';
    expect(matchNumberedHeading(glued)).toEqual({ rank: 1, heading: '一、深化认识，就是要把握学习教育培训的重要性和必要性', rest: '一是加强教育培训是重要政治任务。' });
    expect(matchNumberedHeading('一、为什么要加强预算审查监督。预算是政府的施政计划，反映政府活动的范围和方向。')).toMatchObject({
      heading: '一、为什么要加强预算审查监督。',
      rest: '预算是政府的施政计划，反映政府活动的范围和方向。',
    });
  });

  it('leaves 一是…二是…, 一要 and salutations as text', () => {
    expect(matchNumberedHeading('一是要认清形势，二是要明确任务。')).toBeUndefined();
    expect(matchNumberedHeading('一要注意安全。')).toBeUndefined();
    expect(isSalutation('各位代表、同志们：')).toBe(true);
    expect(isBareHeadingText('同志们')).toBe(false);
    expect(isBareHeadingText('精准选课')).toBe(true);
    expect(isBareHeadingText('学思践悟、知行合一')).toBe(true);
    expect(isBareHeadingText('“通过学习，更清楚了。”')).toBe(false);
    expect(isBareHeadingText('张正伟')).toBe(false);
  });
});

describe('names and people', () => {
  it('knows a name from a phrase', () => {
    expect(['王紫仪', '曹新俊', '李恒', '欧阳明', '陳雅婷'].every(isChineseName)).toBe(true);
    expect(['会议现场', '同志们', '精准选课', '全面推进'].some(isChineseName)).toBe(false);
  });

  it('reads the position before or around a name', () => {
    expect(parsePerson('县人大常委会主任  刘明华')).toEqual({ name: '刘明华', position: '县人大常委会主任' });
    expect(parsePerson('何志远（市人大常委会法工委主任）')).toEqual({ name: '何志远', position: '市人大常委会法工委主任' });
    expect(parsePerson('张  恒')).toBe('张恒');
    expect(parsePerson('培训班开班现场')).toBeUndefined();
  });
});

describe('title', () => {
  it('splits a subtitle after the dash', () => {
    expect(splitTitle('信阳人大：为高水平履职“充电赋能”——全市县乡人大干部履职能力提升培训班侧记')).toEqual({
      title: '信阳人大：为高水平履职“充电赋能”',
      subtitle: '全市县乡人大干部履职能力提升培训班侧记',
    });
  });

  it('reads the speaker or the date under a title, and a speaker named in it', () => {
    expect(parseUnderTitle('（2023年3月15日）')?.date?.date).toBe('2023-03-15');
    expect(parseUnderTitle('（张德明）')?.person).toBe('张德明');
    expect(parseUnderTitle('孙志刚（2022年10月8日）')).toMatchObject({ person: '孙志刚', date: { date: '2022-10-08' } });
    expect(speakerFromTitle('王建国同志在全市人大代表培训班结业式上的讲话')).toBe('王建国');
    expect(speakerFromTitle('区委书记张三在全区人大工作会议上的讲话')).toEqual({ name: '张三', position: '区委书记' });
    expect(speakerFromTitle('在全区人大工作会议上的讲话')).toBeUndefined();
  });
});

describe('kind', () => {
  const evidence = { newsByline: false, lectureLine: false, salutation: false, speakerLine: false };
  it.each([
    ['在全县培训班开班式上的讲话', 'speech'],
    ['在结业式上的致辞', 'speech'],
    ['人民代表大会制度专题讲座', 'lecture'],
    ['预算审查监督（授课提纲）', 'lecture'],
    ['专题党课：坚守人民立场', 'lecture'],
    ['乡镇人大主席培训班侧记', 'writeup'],
    ['代表履职能力提升辅导报告', 'lecture'],
  ])('%s is a %s', (title, kind) => {
    expect(detectKind({ ...evidence, titles: [title] })).toEqual({ kind, guessed: false });
  });

  it('weighs bylines and openings, and says when it guessed', () => {
    expect(detectKind({ ...evidence, titles: ['代表联络站里听民声'], newsByline: true }).kind).toBe('writeup');
    expect(detectKind({ ...evidence, titles: ['人民代表大会制度的历史发展'], lectureLine: true }).kind).toBe('lecture');
    expect(detectKind({ ...evidence, titles: ['关于几个问题'] })).toEqual({ kind: 'writeup', guessed: true });
    expect(isSeriesLine('人大代表履职能力专题讲座第二讲')).toBe(true);
  });
});

describe('captions and omitted text', () => {
  it('reads ▲, 图为 and bracketed captions, with a photographer', () => {
    expect(matchCaption('▲培训班开班现场')).toEqual({ caption: '培训班开班现场' });
    expect(matchCaption('图为代表们分组讨论。')).toEqual({ caption: '图为代表们分组讨论。' });
    expect(matchCaption('（培训班现场  张三 摄）')).toEqual({ caption: '培训班现场', photographer: '张三' });
    expect(matchCaption('会议现场', '会议现场', true)).toEqual({ caption: '会议现场' });
    expect(matchCaption('会议现场')).toBeUndefined();
    expect(matchCaption('（掌声）')).toBeUndefined();
  });

  it('finds 此处隐藏N字 and 此处省略N字 markers', () => {
    expect(findOmitted('---此处隐藏4864字，下载后查看---')).toMatchObject({ chars: 4864, index: 0, length: '---此处隐藏4864字，下载后查看---'.length });
    const inline = '我都同意。（此处省略1200字）下面';
    expect(findOmitted(inline)).toMatchObject({ chars: 1200, index: inline.indexOf('（') });
    expect(findOmitted('此处有删节')).toBeUndefined();
  });
});

describe('ids', () => {
  it('makes readable ids from titles, occasions and file names', () => {
    expect(proposeId({ kind: 'speech', title: '在全区人大代表和人大工作者履职能力提升培训班开班式上的讲话', occasion: '开班式' })).toBe('kaibanshi-jianghua');
    expect(proposeId({ kind: 'writeup', title: '会议现场' })).toBe('huiyi-xianchang');
    expect(proposeId({ kind: 'writeup', title: '全市县乡人大干部履职能力提升培训班侧记' }).length).toBeLessThanOrEqual(52);
    expect(proposeId({ kind: 'writeup', title: '預算審查監督' })).toBe('yusuan-shencha-jiandu');
    expect(proposeId({ kind: 'writeup', fileName: 'Notes 2019.txt' })).toBe('notes-2019');
    expect(proposeId({ kind: 'lecture' })).toBe('jianggao');
  });

  it('never takes an id the course already has', () => {
    const lines = [{ line: 1, text: '会议现场' }, { line: 2, text: '时间：2024-01-02' }, { line: 3, text: text }];
    expect(importLines(lines).id).toBe('huiyi-xianchang');
    expect(importLines(lines, { takenIds: new Set(['huiyi-xianchang']) }).id).toBe('huiyi-xianchang-2');
    expect(importLines(lines, { takenIds: () => new Set(['huiyi-xianchang', 'huiyi-xianchang-2']) }).id).toBe('huiyi-xianchang-3');
  });
});

describe('markdown escaping', () => {
  it('keeps text that looks like Markdown as text', () => {
    for (const line of ['# 不是标题', '1. 不是列表', '- 不是列表', '> 不是引用', '*强调*和[链接](x)', '---', 'a_b_c', '`code`', '&nbsp;']) {
      expect(unescapeMarkdown(escapeMarkdown(line))).toBe(line);
      expect(escapeMarkdown(line)).not.toBe(line);
    }
    expect(escapeMarkdown('经区委同意，今天我们在这里举办培训班。')).toBe('经区委同意，今天我们在这里举办培训班。');
  });
});

describe('htmlToLines', () => {
  it('finds the article and marks navigation and footer as outside', () => {
    const html = `<html><head><title>标题 - 网站</title><meta name="PubDate" content="2024-01-02"></head><body>
      <ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">人大要闻</a></li><li><a href="/b">代表工作</a></li></ul>
      <div class="content"><h1>标题</h1><p>${text}</p><p>${text}</p></div>
      <div class="footer">版权所有</div></body></html>`;
    const page = htmlToLines(html);
    expect(page.hints).toMatchObject({ title: '标题', date: '2024-01-02' });
    expect(page.lines.filter((l) => !l.outside).map((l) => l.text)).toEqual(['标题', text, text]);
    expect(page.lines.filter((l) => l.outside).map((l) => l.text)).toEqual(['首页', '人大要闻', '代表工作', '版权所有']);
  });
});
