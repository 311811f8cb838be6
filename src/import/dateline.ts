/**
 * Dateline leads of news reports: 本报讯, 本报讯（记者 X）,
 * 河南省人大融媒体中心讯(记者 王紫仪 通讯员 曹新俊), 大河网11月26日讯（记者 X）,
 * 新华社北京11月26日电（记者 X）.
 */
import { findDate, type FoundDate } from './dates.ts';
import { parseHeaderLine, type HeaderField } from './header.ts';

export interface Dateline {
  /** The agency that filed the report, when named (河南省人大融媒体中心); not for 本报. */
  agency?: string;
  date?: FoundDate;
  /** The byline in the brackets after 讯/电. */
  credits: HeaderField[];
  /** How many characters of the paragraph the dateline takes (to cut it off). */
  length: number;
}

/** Names of agencies end like this: 网, 报, 社, 台, 中心 … */
const AGENCY_END = /(网|报|社|台|中心|客户端|新闻|媒体|频道|号|电视台|广播电视台|日报|晚报|时报|在线)$/;
const LEAD = /^(本报|本台|本网|本刊)?([^\s，。,；;：:！？“”"]{0,24}?)((?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?(讯|电)/u;
const CREDIT = /^\s*[（(]([^（）()]{1,60})[)）]\s*/u;

/** The dateline a paragraph starts with, if it starts with one. */
export function parseDateline(original: string, simplified: string = original, contextYear?: number): Dateline | undefined {
  const lead = LEAD.exec(simplified);
  if (!lead) return undefined;
  const own = lead[1] !== undefined;
  const place = lead[2];
  // 本报讯, 本报北京11月26日电: after 本报 only a place name may come, not a sentence (本报记者从通讯员处…).
  if (own && (place.length > 6 || /记者|从|据|获悉/.test(place))) return undefined;
  // 新华社北京11月26日电: the agency is followed by the city; keep the agency part.
  const agencyText = own ? undefined : agencyOf(place);
  if (!own && agencyText === undefined) return undefined;
  let length = lead[0].length;
  const date = lead[3] ? findDate(lead[3], contextYear) : undefined;
  let credits: HeaderField[] = [];
  const credit = CREDIT.exec(simplified.slice(length));
  if (credit) {
    const start = length + credit[0].indexOf(credit[1]);
    const fields = parseHeaderLine(original.slice(start, start + credit[1].length), credit[1], contextYear);
    if (fields && fields.every((f) => f.field !== 'chrome')) {
      credits = fields;
      length += credit[0].length;
    } else if (!own) {
      return undefined;
    }
  } else {
    // Without a credit, the lead must stand apart from the sentence: 本报讯 初冬时节… or 大河网讯：…
    const after = simplified.slice(length);
    const gap = /^[\s\u3000]+|^[：:，,]\s*/u.exec(after);
    if (!gap) return undefined;
    length += gap[0].length;
  }
  const agency = agencyText === undefined ? undefined : original.slice(lead[1]?.length ?? 0, (lead[1]?.length ?? 0) + agencyText.length);
  return { agency, date, credits, length };
}

/** 河南省人大融媒体中心 → itself; 新华社北京 → 新华社; 今年以来全市 → undefined. */
function agencyOf(place: string): string | undefined {
  if (place.length < 2) return undefined;
  for (let end = place.length; end >= 2; end--) {
    const candidate = place.slice(0, end);
    if (AGENCY_END.test(candidate)) return candidate;
  }
  return undefined;
}
