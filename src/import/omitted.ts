/**
 * Markers that stand where a download site hid part of the text:
 * `---此处隐藏4864字,下载后查看---`, `（此处省略2000字）`, `以下隐藏1200字，请下载查看`.
 */
const MARKER =
  /[-—–=_\s]*[（(【[]?\s*(?:此处|以下|中间|下文|后文|余下)?(?:已)?(?:隐藏|省略|略去)(?:了)?\s*(\d{1,7})\s*(?:个)?字(?:[，,。\s]*(?:下载后查看|下载查看|请下载(?:后)?查看|查看全文|完整内容请下载|全文请下载)[^（）()【】[\]\n]{0,10})?\s*[)）】\]]?[-—–=_\s]*/u;

export interface OmittedMarker {
  chars: number;
  index: number;
  length: number;
}

/** The omitted-text marker in a line, if it has one. */
export function findOmitted(simplified: string): OmittedMarker | undefined {
  const match = MARKER.exec(simplified);
  if (!match) return undefined;
  const chars = Number(match[1]);
  if (!Number.isSafeInteger(chars) || chars <= 0) return undefined;
  return { chars, index: match.index, length: match[0].length };
}
