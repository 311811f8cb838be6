/**
 * What kind of document a text is, from the words of its title and the shape of
 * its first lines: speech (讲话, 致辞, 在开班式上的…), lecture (讲座, 讲稿, 党课,
 * 授课提纲, 辅导报告), write-up (侧记, 通讯, 讯, 新闻).
 */
import type { DocumentKind } from '../schemas/document.ts';

const TITLE_WORDS: { kind: DocumentKind; pattern: RegExp }[] = [
  { kind: 'speech', pattern: /(讲话|致辞|讲话稿|发言|发言稿|主持词|动员讲话|总结讲话|开班讲话|结业讲话|寄语|欢迎词|答谢词)$/u },
  { kind: 'speech', pattern: /在.{2,60}(开班式|结业式|开学典礼|毕业典礼|开班仪式|结业仪式|会议|大会|座谈会|交流会|动员会|推进会|培训班|研讨会|报告会)上的/u },
  { kind: 'lecture', pattern: /(讲座|讲稿|党课|授课提纲|辅导报告|专题报告|讲义|课件|提纲|专题辅导|辅导讲稿|第[一二三四五六七八九十]+讲)$/u },
  { kind: 'writeup', pattern: /(侧记|通讯|综述|纪实|新闻稿|简讯|快讯|消息|特写|见闻|掠影|剪影|回眸|扫描|报道)$/u },
];

const ANYWHERE: { kind: DocumentKind; pattern: RegExp }[] = [
  { kind: 'speech', pattern: /(讲话|致辞|发言)/u },
  { kind: 'lecture', pattern: /(专题讲座|讲稿|党课|授课提纲|辅导报告|专题辅导|讲座)/u },
  { kind: 'writeup', pattern: /(侧记|通讯|综述|纪实|举办|举行|召开|开班|结业|开展|组织|视察|调研|走访|圆满结束|顺利结业)/u },
];

export interface KindEvidence {
  /** Title and subtitle, simplified. */
  titles: string[];
  /** A reporter or correspondent was named, or the text opens with a dateline (本报讯). */
  newsByline: boolean;
  /** A lecturer line (主讲人：…) or a series line (…第二讲). */
  lectureLine: boolean;
  /** A salutation (同志们：) opens the body. */
  salutation: boolean;
  /** A speaker line under the title. */
  speakerLine: boolean;
}

export interface DetectedKind {
  kind: DocumentKind;
  /** Nothing pointed to any kind; the write-up is a default. */
  guessed: boolean;
}

/** The kind with the most evidence: the end of the title weighs most, then bylines and openings. */
export function detectKind(evidence: KindEvidence): DetectedKind {
  const score: Record<DocumentKind, number> = { speech: 0, lecture: 0, writeup: 0 };
  evidence.titles.forEach((title, i) => {
    const text = title.replace(/[”"’'》）)\s]+$/u, '');
    const weight = i === 0 ? 6 : 5;
    for (const { kind, pattern } of TITLE_WORDS) if (pattern.test(text)) score[kind] += weight;
    for (const { kind, pattern } of ANYWHERE) if (pattern.test(text)) score[kind] += 1;
  });
  if (evidence.newsByline) score.writeup += 4;
  if (evidence.lectureLine) score.lecture += 4;
  if (evidence.salutation) score.speech += 3;
  if (evidence.speakerLine) score.speech += 1;
  const ranked = (Object.entries(score) as [DocumentKind, number][]).sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] === 0) return { kind: 'writeup', guessed: true };
  return { kind: ranked[0][0], guessed: false };
}

/** 开班式, 结业式, 座谈会 …: where a speech was given, from its title. */
export function speechOccasion(simplifiedTitle: string, originalTitle: string = simplifiedTitle): string | undefined {
  const match = /(开班式|结业式|开学典礼|毕业典礼|开班仪式|结业仪式|动员大会|动员会|座谈会|交流会|推进会|研讨会|总结会|表彰大会|报告会|培训会|工作会议|动员部署会)/u.exec(simplifiedTitle);
  return match ? originalTitle.slice(match.index, match.index + match[0].length) : undefined;
}

/** 专题讲座, 辅导报告, 授课提纲, 党课 …: the form of a lecture, from its title. */
export function lectureFormat(simplifiedTitle: string, originalTitle: string = simplifiedTitle): string | undefined {
  const match = /(专题讲座|专题辅导|辅导报告|专题报告|授课提纲|专题党课|党课|讲稿|讲义|讲座)/u.exec(simplifiedTitle);
  return match ? originalTitle.slice(match.index, match.index + match[0].length) : undefined;
}

/** A series line: 人大代表履职能力专题讲座第二讲, 系列讲座之三. */
export function isSeriesLine(simplified: string): boolean {
  const text = simplified.trim();
  return text.length <= 40 && /((讲座|课程|党课|大讲堂|讲堂|论坛|系列)(第[一二三四五六七八九十\d]+(讲|期|课)|之[一二三四五六七八九十]+)|^第[一二三四五六七八九十\d]+讲$)/u.test(text) && !/[。！？]/u.test(text);
}
