import type { Expectation } from '../schemas/expect.ts';

/**
 * The words of `lectern check` and of a failed build, in English and Chinese.
 * `LECTERN_LANG=zh-CN` picks Chinese; English is the default because the
 * messages also land in CI logs read by developers.
 */
const en = {
  expected: {
    text: 'expected text',
    partialDate: 'expected YYYY, YYYY-MM or YYYY-MM-DD',
    person: 'expected a name or { name, position }',
    personList: 'expected a name or a list of names',
    textList: 'expected text or a list of texts',
    url: 'expected an address starting with http:// or https://',
    positiveInteger: 'expected a whole number above 0',
    boolean: 'expected true or false',
    mapping: 'expected a list of people (- name: …)',
    sessionKind: 'expected one of opening, lecture, exchange, discussion, visit, closing, other',
    period: 'expected one of 上午, 下午, 晚上, 全天',
    id: 'expected lower-case ASCII letters, digits and hyphens',
    file: 'expected a file in the course folder',
    unknownField: 'unknown field',
  } satisfies Record<Expectation, string>,
  found: 'found',
  /** Between what was expected and what was found. */
  separator: ', ',
  nothing: 'nothing',
  required: 'required',
  problems: {
    unknownField: 'unknown field; check the spelling against docs/content-guide.md',
    missingFile: 'file not found: {file}',
    duplicateId: 'id "{id}" is used twice in course {course}: also {other}',
    duplicatePersonId: 'person id "{id}" is used twice in people.yaml',
    agendaDocument: 'no document "{id}" in this course (documents: {known})',
    unknownFolder: 'unknown folder "{folder}": expected speeches, lectures, writeups or media',
    badId: 'file name "{name}" cannot be an id: use lower-case ASCII letters, digits and hyphens',
    noFrontmatter: 'expected front matter between --- lines at the top of the file',
    yaml: 'YAML: {reason}',
    notMapping: 'expected field: value lines, found {found}',
    missingCourseFile: 'course folder without course.md',
    missingSite: 'site.yaml is missing: expected name and organization',
    endBeforeStart: 'end {end} is before start {start}',
    sessionOutside: 'session date {date} is outside the course ({start} – {end})',
    badEncoding: 'expected UTF-8 text, found bytes that are not UTF-8',
    aliasInvalid: 'alias "{alias}" is not a path of this site: expected a path such as /courses/old-course/old-id/ (or an old address ending in .html)',
    aliasTaken: 'alias "{alias}" is the address of {page}: a redirect there would hide it',
    aliasDuplicate: 'alias "{alias}" is also claimed by {other}',
    permalinkMoved: 'this document was published at {old} and is now at {new}: add {old} to its aliases so the old address keeps working',
    permalinkGone: '{url} ("{title}") was published, but no document has that address or alias now: if the document moved, add {url} to its aliases; to withdraw it on purpose, delete this line',
    permalinksFile: 'cannot read the record of published addresses: {reason}',
  },
  permalinks: {
    recorded: 'Recorded {added} new address(es) in {file} ({total} in all); commit it with the content.',
    hint: 'Published addresses are not recorded yet: run `npx lectern permalinks` once and commit {file}, so that a renamed document cannot silently break links to it.',
  },
  summary: {
    none: 'No problems in {files} files.',
    some: '{count} problem(s) in {files} files.',
  },
};

type Messages = typeof en;

const zhCN: Messages = {
  expected: {
    text: '应为文字',
    partialDate: '应为日期 YYYY、YYYY-MM 或 YYYY-MM-DD',
    person: '应为姓名或 { name, position }',
    personList: '应为一个或多个姓名',
    textList: '应为文字或文字列表',
    url: '应为以 http:// 或 https:// 开头的网址',
    positiveInteger: '应为大于 0 的整数',
    boolean: '应为 true 或 false',
    mapping: '应为人员列表（- name: …）',
    sessionKind: '应为 opening、lecture、exchange、discussion、visit、closing、other 之一',
    period: '应为 上午、下午、晚上、全天 之一',
    id: '应为小写英文字母、数字和连字符',
    file: '应为培训班文件夹中的文件',
    unknownField: '未知字段',
  },
  found: '实际为',
  separator: '，',
  nothing: '空',
  required: '必填',
  problems: {
    unknownField: '未知字段，请对照 docs/content-guide.md 检查拼写',
    missingFile: '找不到文件：{file}',
    duplicateId: '标识“{id}”在培训班 {course} 中重复：另见 {other}',
    duplicatePersonId: '人员标识“{id}”在 people.yaml 中重复',
    agendaDocument: '本培训班没有文稿“{id}”（现有：{known}）',
    unknownFolder: '未知文件夹“{folder}”：应为 speeches、lectures、writeups 或 media',
    badId: '文件名“{name}”不能作标识：请用小写英文字母、数字和连字符',
    noFrontmatter: '文件开头应有 --- 包围的元数据',
    yaml: 'YAML 格式错误：{reason}',
    notMapping: '应为“字段: 值”形式，实际为 {found}',
    missingCourseFile: '培训班文件夹缺少 course.md',
    missingSite: '缺少 site.yaml：应包含 name 和 organization',
    endBeforeStart: '结束日期 {end} 早于开始日期 {start}',
    sessionOutside: '日程日期 {date} 不在培训班日期内（{start} 至 {end}）',
    badEncoding: '应为 UTF-8 编码，文件含非 UTF-8 字节',
    aliasInvalid: '别名“{alias}”不是本站的路径：应为 /courses/旧培训班/旧标识/ 这样的路径（或以 .html 结尾的旧网址）',
    aliasTaken: '别名“{alias}”是 {page} 的网址，不能再作跳转',
    aliasDuplicate: '别名“{alias}”已被 {other} 使用',
    permalinkMoved: '本文稿曾以 {old} 发布，现在的网址是 {new}：请在 aliases 中加上 {old}，使旧网址继续有效',
    permalinkGone: '已发布的网址 {url}（《{title}》）现在没有对应的文稿：如果文稿改名或移动了，请把 {url} 写入它的 aliases；如确需撤下，请删除本行',
    permalinksFile: '无法读取已发布网址记录：{reason}',
  },
  permalinks: {
    recorded: '在 {file} 中新记录了 {added} 个网址（共 {total} 个），请与内容一起提交。',
    hint: '尚未记录已发布的网址：请运行一次 `npx lectern permalinks` 并提交 {file}，以免文稿改名后旧链接悄悄失效。',
  },
  summary: {
    none: '检查了 {files} 个文件，没有问题。',
    some: '{files} 个文件中有 {count} 个问题。',
  },
};

export type MessageLocale = 'en' | 'zh-CN';

export function messages(locale: MessageLocale = messageLocale()): Messages {
  return locale === 'zh-CN' ? zhCN : en;
}

export function messageLocale(): MessageLocale {
  return process.env.LECTERN_LANG?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type ProblemKey = keyof Messages['problems'];
