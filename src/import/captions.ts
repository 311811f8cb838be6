/**
 * Photo captions: `▲学员认真听讲`, `图为培训班开班现场。`, a whole line in brackets
 * `（会议现场  张三 摄）`, and a short line right under an image (会议现场).
 */
import { isChineseName } from './names.ts';

export interface Caption {
  /** The caption as it will be shown, without the ▲ or the brackets. */
  caption: string;
  /** A photographer credited at its end: …（张三 摄）. */
  photographer?: string;
}

const PHOTO_WORDS = /(图为|现场|合影|留影|照片|镜头|会场|摄影|摄$| 摄)/u;
const STAGE_DIRECTIONS = /^(掌声|鼓掌|热烈鼓掌|笑声|全场鼓掌|略|完|全文完|待续|未完待续)$/u;

/**
 * A caption line: ▲… and 图为… always; a line in brackets when `nearImage` or
 * when it speaks of a photo; a short plain line only when `nearImage`.
 */
export function matchCaption(original: string, simplified: string = original, nearImage = false): Caption | undefined {
  const text = original.trim();
  const s = simplified.trim();
  if (text === '' || text.length > 120) return undefined;
  if (/^[▲△▼▽↑↓☝]/u.test(s)) {
    const rest = text.replace(/^[▲△▼▽↑↓☝\s\u3000]+/u, '');
    return rest === '' ? undefined : withPhotographer(rest);
  }
  if (/^图为/u.test(s) && s.length <= 100) return withPhotographer(text);
  const bracket = /^[（(【[]([^（()）【】[\]]{2,60})[)）】\]]$/u.exec(s);
  if (bracket) {
    const inner = text.slice(1, -1).trim();
    if (STAGE_DIRECTIONS.test(bracket[1].trim())) return undefined;
    if (/[。！？；]./u.test(bracket[1])) return undefined;
    if (nearImage || PHOTO_WORDS.test(bracket[1])) return withPhotographer(inner);
    return undefined;
  }
  if (nearImage && s.length <= 40 && !/[。！？；]./u.test(s) && !/^[“"]/.test(s)) return withPhotographer(text);
  return undefined;
}

/** 会议现场  张三 摄 → caption 会议现场, photographer 张三. */
function withPhotographer(text: string): Caption {
  const match = /^(.*?)[\s\u3000（(]*(\S{2,4})\s*摄[)）]?$/u.exec(text);
  if (match && isChineseName(match[2]) && match[1].trim() !== '') {
    return { caption: match[1].trim().replace(/[（(]$/, '').trim(), photographer: match[2] };
  }
  return { caption: text };
}
