/**
 * Page chrome: the lines a web page or a content-management system puts around
 * an article, which end up in the text when an editor copies or saves the page.
 * Every pattern is matched against the simplified shadow of a trimmed line.
 */

export type ChromeKind = 'breadcrumb' | 'pageTool' | 'qrCode' | 'fileName' | 'footer';

/** 当前位置：首页 > 人大要闻 >> 正文, 首页 > 人大要闻 */
const BREADCRUMB = [
  /^[【[]?\s*(当前位置|您现在的位置|你现在的位置|您的位置|你的位置|您所在的位置|所在位置|现在位置|当前的位置)\s*[是为]?\s*[:：]?/,
  /^(首页|网站首页|主页|返回首页)\s*(>{1,2}|»|›|→|＞{1,2}|\/|\\|-)\s*\S/,
];

/**
 * One word of a page's tool bar. A line made only of such words (打印 关闭此页,
 * 【字号：大 中 小】【打印】【关闭】, 分享到：微信 微博) is chrome.
 */
const TOOL_WORDS = new RegExp(
  '^(?:' +
    [
      '字号', '字体', '大', '中', '小', '默认', '超大', '放大', '缩小', '恢复', '加大', '减小',
      '打印(?:本页|此页|文章|本文|页面)?', '关闭(?:此页|本页|窗口|页面|本窗口)?', '关闭此页', '返回(?:顶部|首页|上一页|列表)?', '顶部', 'TOP',
      '收藏(?:本页|此页)?', '保存(?:本页|此页)?', '复制链接', '分享(?:到|至)?', '转发', '纠错', '我要纠错', '视力保护色', '护眼模式',
      '微信', '微博', '新浪微博', '腾讯微博', 'QQ空间', 'QQ', '朋友圈', '人人网', '豆瓣', '二维码',
      '【', '】', '\\[', '\\]', '\\|', '｜', '丨', '/', '·', '：', ':', '-', '—', '>',
    ].join('|') +
    ')',
);

/** Lines that are only there to get a phone to open the page. */
const QR = /^(?:[【[]?\s*)?(扫一扫|扫描二维码|手机扫一扫|微信扫一扫|扫码|用手机扫描|手机扫描|打开微信|长按识别|长按二维码)|二维码\s*[】\]]?$|^[【[]?\s*分享(?:到|至)?\s*[:：]/;

/** Lines after the article on most CMS pages. */
const NEIGHBOURS = /^[【[]?\s*(上一篇|下一篇|上一条|下一条|相关链接|相关阅读|相关新闻|相关文章|推荐阅读|延伸阅读|热点新闻|热门文章|点击排行|阅读排行)\s*[:：】\]]?/;

/** Site footers and counters; only dropped near the edges of the text or outside the article. */
const FOOTER = /^(?:[【[]?\s*)?(版权所有|Copyright|copyright|COPYRIGHT|©|主办单位|承办单位|主办[:：]|承办[:：]|技术支持|网站标识码|网站地图|联系我们|关于我们|免责声明|隐私(?:政策|声明)|访问量|访问人数|浏览次数|浏览量|点击数|点击量|点击率|阅读次数|阅读量|阅读数|浏览[:：]|点击[:：]|阅读[:：])|ICP[备证]\s*\d|公网安备|政府网站找错|适老化|无障碍(?:浏览|阅读)/;

/** Stray file names left where an image or attachment was: image.png, 微信图片_20241126155552. */
const FILE_NAME = /^[^\s/\\]{0,80}\.(?:png|jpe?g|gif|bmp|webp|tiff?|heic|svg|docx?|pdf|xlsx?|pptx?|wps|zip|rar)$/i;
const IMAGE_NAME = /^(?:微信图片|微信截图|屏幕截图|截图|图片|IMG|DSC|DSCN|DSCF|P|image|mmexport|wx_camera|Screenshot)[_\-\s]?[\w\-]*\d[\w\-]*(?:\.(?:png|jpe?g|gif|bmp|webp|heic))?$/i;
const IMAGE_EXTENSION = /\.(png|jpe?g|gif|bmp|webp|tiff?|heic|svg)$/i;

export interface ChromeMatch {
  kind: ChromeKind;
  /** For file names of images: the image that stood there. */
  imageName?: string;
}

/** Whether the whole line is chrome that may be dropped anywhere in the text. */
export function matchChrome(simplified: string): ChromeMatch | undefined {
  const line = simplified.trim();
  if (line === '') return undefined;
  if (BREADCRUMB.some((re) => re.test(line))) return { kind: 'breadcrumb' };
  if (FILE_NAME.test(line) || IMAGE_NAME.test(line)) {
    const isImage = IMAGE_EXTENSION.test(line) || !/\.\w+$/.test(line);
    return { kind: 'fileName', imageName: isImage ? line : undefined };
  }
  if (line.length <= 40 && QR.test(line)) return { kind: 'qrCode' };
  if (NEIGHBOURS.test(line)) return { kind: 'pageTool' };
  if (isToolBar(line)) return { kind: 'pageTool' };
  return undefined;
}

/** Chrome that could also be article text (主办单位：…), dropped only at the edges of the text. */
export function matchEdgeChrome(simplified: string): ChromeMatch | undefined {
  const line = simplified.trim();
  return FOOTER.test(line) ? { kind: 'footer' } : undefined;
}

/** 打印 关闭此页, 【字号：大 中 小】, 分享：微信 微博: every token a tool word, and at least one that means something. */
function isToolBar(line: string): boolean {
  if (line.length > 60) return false;
  let rest = line;
  let meaningful = 0;
  while (rest.length > 0) {
    rest = rest.replace(/^[\s\u3000]+/, '');
    if (rest === '') break;
    const match = TOOL_WORDS.exec(rest);
    if (!match || match[0] === '') return false;
    if (/[\u4e00-\u9fffA-Za-z]{2,}/.test(match[0]) && !/^(微信|微博|QQ|默认)$/.test(match[0])) meaningful++;
    rest = rest.slice(match[0].length);
  }
  return meaningful > 0;
}

/** Whether a segment of a header line (字号：大 中 小, 点击数：123, 打印) is chrome. */
export function isChromeSegment(simplified: string): boolean {
  const text = simplified.trim();
  return text === '' || isToolBar(text) || FOOTER.test(text) || /^[【[]?\s*(打印|关闭|收藏|分享|纠错)/.test(text);
}
