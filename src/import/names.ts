import type { PersonRef } from '../schemas/person.ts';
import { isHan } from './normalize.ts';

/**
 * Family names, most frequent first (after the 2020 census lists), plus the
 * compound ones. Used to tell a name (王紫仪) from any other short line (会议现场).
 */
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柳樊殷齐黎祝庞耿骆倪鲁苗邢葛季牛闵詹涂翟阎凌褚靳岳宁单甘焦柴鲍祁左兰欧霍盛尚米章聂伍颜卫边房桂申安车景俞饶查吉关艾温牟缪阮杭鞠蓝钮廉栾麦裴全蔺仇包' +
  '陳張劉楊黃趙吳徐孫馬許鄭謝韓馮鄧彭曾蕭葉蘇呂盧鍾姜蔡潘袁賈魏薛閻雷龍黎陶賀毛顧龔萬錢戴嚴湯羅鄒熊歐';
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '公孙', '长孙', '宇文', '夏侯', '司徒', '端木', '歐陽', '司馬', '諸葛'];

/** Words of three or four characters that start with a family name but are not names. */
const NOT_NAMES = /^(同志们?|各位|大家|谢谢|會議|会议|高度|高质量|高水平|全面|全市|全区|全县|全省|方面|方法|方式|常委|常务|任务|关于|文件|文化|文明|史料|安全|安排|石油|金融|江河|黄河|长江|程序|向前|于是|于此|周年|周边|孙子|马上|马克思|温暖|余下|武装|明确|明年|邓小平|毛泽东|习近平)/;

/** Whether `text` reads as a Chinese personal name: a family name and one to three more characters. */
export function isChineseName(text: string): boolean {
  const name = text.replace(/[\s\u3000·•]/g, '');
  const chars = Array.from(name);
  if (chars.length < 2 || chars.length > 4 || !chars.every(isHan)) return false;
  if (NOT_NAMES.test(name)) return false;
  const compound = COMPOUND_SURNAMES.some((s) => name.startsWith(s));
  if (compound) return chars.length >= 3;
  return SINGLE_SURNAMES.includes(chars[0]) && chars.length <= 3;
}

/** A name written with padding spaces (王  恒) joined; other text unchanged. */
export function compactName(text: string): string {
  const trimmed = text.trim();
  return /^[^\s]([\s\u3000]+[^\s]){1,3}$/u.test(trimmed) && trimmed.replace(/[\s\u3000]+/g, '').length <= 4
    ? trimmed.replace(/[\s\u3000]+/g, '')
    : trimmed;
}

/**
 * The names of a byline value: 王紫仪 曹新俊, 王紫仪、曹新俊, 王紫仪,曹新俊.
 * `strict` (a role written without a colon) accepts only what reads as names.
 */
export function splitNames(value: string, strict: boolean): string[] | undefined {
  const cleaned = value.trim().replace(/^[（(【[]|[)）】\]]$/g, '').trim();
  if (cleaned === '') return [];
  const compact = compactName(cleaned);
  if (isChineseName(compact)) return [compact];
  const parts = cleaned.split(/[、，,；;\s\u3000]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return [];
  if (strict && !parts.every(isChineseName)) return undefined;
  if (parts.some((p) => p.length > 30 || /[。！？!?]/.test(p))) return undefined;
  // An organisation (XX县人大常委会办公室) written after a person's name stays one entry.
  if (!parts.every((p) => isChineseName(p) || /^[A-Za-z][A-Za-z .'-]*$/.test(p))) return [cleaned];
  return parts;
}

/** Office words a position ends with: 主任, 副秘书长, 书记, 教授 … */
const POSITION_END =
  /(主任|副主任|主任委员|副主任委员|委员|书记|副书记|主席|副主席|部长|厅长|局长|处长|科长|县长|区长|市长|省长|镇长|乡长|州长|秘书长|副秘书长|常委|院长|校长|所长|馆长|社长|会长|理事长|董事长|总经理|组长|队长|站长|教授|副教授|研究员|副研究员|讲师|博士|专家|代表|法官|检察官|律师|干部|工委主任|人大主席|主持人)$/;

export function looksLikePosition(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && t.length <= 60 && POSITION_END.test(t) && !/[。！？]/.test(t);
}

/**
 * A person as a line or a byline value writes them:
 * `吴文毅`, `吴文毅（省人大常委会副秘书长、办公厅主任）`, `省人大常委会副秘书长、办公厅主任 吴文毅`,
 * `区人大常委会主任  张  三`. `simplified` is the same text in simplified characters.
 */
export function parsePerson(text: string, simplified: string = text): PersonRef | undefined {
  const t = text.trim().replace(/[\s\u3000]*[:：]$/, '');
  const s = simplified.trim().replace(/[\s\u3000]*[:：]$/, '');
  if (t === '' || t.length > 80) return undefined;
  const name = compactName(t);
  if (isChineseName(compactName(s))) return name;

  // 吴文毅（省人大常委会副秘书长、办公厅主任）
  const bracket = /^(.{2,8}?)[\s\u3000]*[（(](.+)[)）]$/u.exec(t);
  if (bracket && isChineseName(compactName(s.slice(0, bracket[1].length)))) {
    const position = bracket[2].trim();
    return looksLikePosition(position) ? { name: compactName(bracket[1]), position } : undefined;
  }

  // 省人大常委会副秘书长、办公厅主任 吴文毅  (the name after the last run of spaces)
  const spaced = /^(.+?)[\s\u3000]+(\S(?:[\s\u3000]*\S){1,3})$/u.exec(t);
  if (spaced && isChineseName(compactName(s.slice(s.length - spaced[2].length))) && looksLikePosition(spaced[1])) {
    return { name: compactName(spaced[2]), position: spaced[1].trim() };
  }
  return undefined;
}
