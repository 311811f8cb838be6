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
    host: 'expected a host name such as v.example.gov.cn (no http://, no path)',
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
    reservedId: 'id "{id}" is taken by a page of the course ({path}): rename the file',
    noFrontmatter: 'expected front matter between --- lines at the top of the file',
    yaml: 'YAML: {reason}',
    notMapping: 'expected field: value lines, found {found}',
    missingCourseFile: 'course folder without course.md',
    missingSite: 'site.yaml is missing: expected name and organization',
    endBeforeStart: 'end {end} is before start {start}',
    sessionOutside: 'session date {date} is outside the course ({start} – {end})',
    badEncoding: 'expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8, or import it with lectern import)',
    missingContent: 'content folder not found',
    notRegularFile: 'expected a file, found a folder, a device or a pipe',
    tooLarge: 'file is {size}, over the limit of {limit} (see docs/security.md): split it into several documents',
    lineTooLong: 'line of {length} characters, over the limit of {limit}: break it into paragraphs',
    nulByte: 'expected text, found a NUL byte (is this a binary file, such as a .docx renamed to .md?)',
    unreadable: 'could not be read: {reason}',
    changedDuringBuild: '{file} changed or became unreadable while the build ran: run the build again',
    brokenLink: 'symbolic link to a file that does not exist',
    linkOutside: 'symbolic link to {target}, outside the content folder: copy the file in instead',
    yamlAliases: 'YAML: more than {limit} aliases (*name) expanded; a file like this can exhaust memory',
    yamlDepth: 'YAML: nested too deeply to read',
    fileOutsideMedia: '{file} is not in the media/ folder of the course, the only folder that is published',
    readDifferently: '(as the build reads it; put the value in quotes to keep it as written)',
    aliasInvalid: 'alias "{alias}" is not a path of this site: expected a path such as /courses/old-course/old-id/ (or an old address ending in .html)',
    aliasTaken: 'alias "{alias}" is the address of {page}: a redirect there would hide it',
    aliasDuplicate: 'alias "{alias}" is also claimed by {other}',
    permalinkMoved: 'this document was published at {old} and is now at {new}: add {old} to its aliases so the old address keeps working',
    permalinkGone: '{url} ("{title}") was published, but no document has that address or alias now: if the document moved, add {url} to its aliases; to withdraw it on purpose, delete this line',
    permalinksFile: 'cannot read the record of published addresses: {reason}',
    // scale: LECTERN_COURSE builds one course as a site of its own
    courseNotFound: 'LECTERN_COURSE is "{course}", but no course folder matches it (courses: {known})',
  },
  permalinks: {
    recorded: 'Recorded {added} new address(es) in {file} ({total} in all); commit it with the content.',
    hint: 'Published addresses are not recorded yet: run `npx lectern permalinks` once and commit {file}, so that a renamed document cannot silently break links to it.',
  },
  summary: {
    none: 'No problems in {files} files.',
    some: '{count} problem(s) in {files} files.',
  },
  build: {
    stopped: 'Build stopped before writing anything; {out} is unchanged.',
    failed: 'Build failed; {out} is unchanged.',
    interrupted: 'Build interrupted ({signal}); {out} is unchanged.',
    leftover: 'Removed {path}, left behind by an interrupted build.',
    restored: 'Put the previous site back into {out} from {path}, left behind by an interrupted build.',
    waiting: 'Waiting for another build of this project (process {pid}) to finish…',
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
    host: '应为主机名，如 v.example.gov.cn（不带 http://，不带路径）',
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
    reservedId: '标识“{id}”已被培训班页面占用（{path}）：请给文件改名',
    noFrontmatter: '文件开头应有 --- 包围的元数据',
    yaml: 'YAML 格式错误：{reason}',
    notMapping: '应为“字段: 值”形式，实际为 {found}',
    missingCourseFile: '培训班文件夹缺少 course.md',
    missingSite: '缺少 site.yaml：应包含 name 和 organization',
    endBeforeStart: '结束日期 {end} 早于开始日期 {start}',
    sessionOutside: '日程日期 {date} 不在培训班日期内（{start} 至 {end}）',
    badEncoding: '应为 UTF-8 编码，文件含非 UTF-8 字节（请另存为 UTF-8，或用 lectern import 导入）',
    missingContent: '找不到内容文件夹',
    notRegularFile: '应为文件，实际为文件夹、设备或管道',
    tooLarge: '文件大小 {size}，超过上限 {limit}（见 docs/security.md）：请拆分为几篇文稿',
    lineTooLong: '一行有 {length} 个字符，超过上限 {limit}：请分段',
    nulByte: '应为文本，文件含 NUL 字节（是否把 .docx 等二进制文件改成了 .md？）',
    unreadable: '无法读取：{reason}',
    changedDuringBuild: '构建过程中 {file} 被修改或无法读取：请重新构建',
    brokenLink: '符号链接指向不存在的文件',
    linkOutside: '符号链接指向内容文件夹之外的 {target}：请把文件复制进来',
    yamlAliases: 'YAML：展开的别名（*name）超过 {limit} 个，这样的文件会耗尽内存',
    yamlDepth: 'YAML：嵌套层数过多，无法读取',
    fileOutsideMedia: '{file} 不在培训班的 media/ 文件夹中，只有该文件夹会发布',
    readDifferently: '（构建时按此读取；请给该值加上引号，保持原样）',
    aliasInvalid: '别名“{alias}”不是本站的路径：应为 /courses/旧培训班/旧标识/ 这样的路径（或以 .html 结尾的旧网址）',
    aliasTaken: '别名“{alias}”是 {page} 的网址，不能再作跳转',
    aliasDuplicate: '别名“{alias}”已被 {other} 使用',
    permalinkMoved: '本文稿曾以 {old} 发布，现在的网址是 {new}：请在 aliases 中加上 {old}，使旧网址继续有效',
    permalinkGone: '已发布的网址 {url}（《{title}》）现在没有对应的文稿：如果文稿改名或移动了，请把 {url} 写入它的 aliases；如确需撤下，请删除本行',
    permalinksFile: '无法读取已发布网址记录：{reason}',
    // scale: LECTERN_COURSE builds one course as a site of its own
    courseNotFound: 'LECTERN_COURSE 为“{course}”，但没有与之相符的培训班文件夹（现有：{known}）',
  },
  permalinks: {
    recorded: '在 {file} 中新记录了 {added} 个网址（共 {total} 个），请与内容一起提交。',
    hint: '尚未记录已发布的网址：请运行一次 `npx lectern permalinks` 并提交 {file}，以免文稿改名后旧链接悄悄失效。',
  },
  summary: {
    none: '检查了 {files} 个文件，没有问题。',
    some: '{files} 个文件中有 {count} 个问题。',
  },
  build: {
    stopped: '构建在写入前停止；{out} 未改动。',
    failed: '构建失败；{out} 未改动。',
    interrupted: '构建被中断（{signal}）；{out} 未改动。',
    leftover: '已删除中断的构建留下的 {path}。',
    restored: '已从中断的构建留下的 {path} 恢复原网站到 {out}。',
    waiting: '正在等待本项目的另一次构建（进程 {pid}）结束……',
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

// ---- The command line: help, `lectern import`, `lectern new` ----

const cliEn = {
  help: {
    main: `Usage: lectern <command> [options]

Commands:
  check            report every problem in the archive, as path:line: field: message
  build            check, then build the site into dist/ (replaced only on success)
  permalinks       record the address of every published document in permalinks.json
  import FILE…     turn .txt, .md, .html/.htm and .docx files into documents
  new KIND         write a skeleton: course, speech, lecture or writeup

Options:
  --content DIR    the content folder (default: $LECTERN_CONTENT or ./content)
  -h, --help       show this help; \`lectern <command> --help\` for one command

Exit status: 0 done, 1 problems found or a file not imported, 2 wrong usage.
`,
    check: `Usage: lectern check [--content DIR]

Reads the whole archive and prints every problem as path:line: field: message.
Exit status 1 when there is any problem, 0 when there is none.
LECTERN_LANG=zh-CN prints the messages in Chinese.
`,
    build: `Usage: lectern build [--content DIR] [--out DIR]

Checks the archive, then builds the site into a staging folder and swaps it
into the output folder only when the build succeeded.
  --out DIR        the output folder (default: $LECTERN_OUT or ./dist)
`,
    permalinks: `Usage: lectern permalinks [--content DIR]

Checks the archive, then records the address of every published document in
permalinks.json in the content folder, so that a later rename is caught.
`,
    import: `Usage: lectern import FILE|FOLDER… [options]

Turns the text an editor has into documents: .txt (UTF-8, UTF-16, GBK/GB18030
or Big5), .md, .html/.htm (a saved web page: the article is found, the page
around it dropped) and .docx. A folder imports every such file in it.
Writes <content>/<course>/<kind>s/<id>.md; images of a .docx go to the
course's media/ folder. Every guess and every dropped line is reported.

Options:
  --course ID      the course folder to write into (required unless --dry-run)
  --kind KIND      speech, lecture or writeup (default: detected from the text)
  --dry-run        write nothing; show what would be written
  --json           print { kind, id, frontmatter, body, warnings } per file
                   (an array for several files)
  --force          replace documents and images that already exist
  --content DIR    the content folder (default: $LECTERN_CONTENT or ./content)

Examples:
  lectern import --dry-run --json 讲话.txt
  lectern import --course xinyang-2024 稿件/
`,
    new: `Usage: lectern new course|speech|lecture|writeup [options]

Writes a skeleton with every field explained in a comment. Fill in the
placeholders ("" and YYYY-MM-DD), then run \`lectern check\`.

Options:
  --course ID      the course of a document (without it, the skeleton is printed)
  --id ID          the file name: the course id, or the document id
  --stdout         print the skeleton instead of writing it
  --force          replace an existing file
  --content DIR    the content folder (default: $LECTERN_CONTENT or ./content)
`,
  },
  usage: {
    unknownCommand: 'Unknown command or argument: {args}',
    noFiles: 'Nothing to import: name one or more files or folders.',
    badKind: '--kind: expected speech, lecture or writeup, found "{kind}"',
    badId: '{option}: "{value}" cannot be an id: use lower-case ASCII letters, digits and hyphens',
    needCourse: '--course is required to write files (courses in {content}: {courses}); or use --dry-run',
    badNewType: 'lectern new: expected course, speech, lecture or writeup, found "{type}"',
    needCourseId: 'lectern new course: name the course with --id',
  },
  import: {
    written: '{source} → {target} ({kind}, {warnings} warning(s))',
    dryRun: '{source} → {target} ({kind}, {warnings} warning(s), not written: --dry-run)',
    exists: '{source}: {target} exists; use --force to replace it',
    failed: '{source}: cannot import: {reason}',
    missing: 'no such file or folder',
    unsupported: 'expected {extensions}',
    emptyFolder: '{folder}: no .txt, .md, .html, .htm or .docx files in it',
    media: '  image → {file}',
    noCourseFile: 'Course folder {course} has no course.md yet: create it with `lectern new course --id {course}`.',
    warningLine: '  line {line}: {message}',
    warning: '  {message}',
    moreWarnings: '  … and {count} more (--json lists them all)',
    summaryHeader: ['file', 'kind', 'id', 'warnings', 'result'],
    result: { written: 'written', dryRun: 'dry run', exists: 'exists', failed: 'failed' },
    done: '{imported} imported, {failed} not imported, {warnings} warning(s).',
  },
  warnings: {
    encodingGuess: 'the encoding was guessed as {encoding} (confidence {confidence}); check that the text reads correctly',
    droppedChrome: 'dropped page chrome: {text}',
    droppedFileName: 'dropped a stray file name: {text}',
    droppedOutside: 'dropped a line outside the article: {text}',
    droppedFooter: 'dropped a site footer line: {text}',
    droppedRepeatedTitle: 'dropped the title repeated by the page: {text}',
    imageFileNeeded: 'photo "{text}": put its file at {src} in the course folder',
    imageAsAttachment: '{count} photo(s) listed as attachments: only write-ups have images',
    titleFromFileName: 'no title found; used the file name "{text}"',
    noTitle: 'no title found: fill in title',
    noDate: 'no date found: fill in date (YYYY, YYYY-MM or YYYY-MM-DD) before building',
    dateFromText: 'no publication date; took {date} from the text "{text}"',
    yearFromContext: 'the text gives no year for "{text}"; took {year} from the course',
    kindGuessed: 'could not tell the kind; imported as {kind} (use --kind to choose)',
    noLecturer: 'no lecturer found: fill in lecturers',
    noSpeaker: 'no speaker found; add speaker if the text names one',
    ignoredField: 'recognised but not kept (no such field for this kind): {text}',
    conflict: 'another {field} "{text}" was found; kept "{kept}"',
    invalidFrontmatter: '{field}: {message}',
  },
  new: {
    written: 'wrote {file}',
    exists: '{file} exists; use --force to replace it',
    fields: {
      kind: 'A {kind}. Fields marked "required" must be filled in; remove the # to use an optional one.',
      title: 'required. The title as published.',
      subtitle: 'The line after the dash (——) of a title.',
      date: 'required. When it was given or published: 2024, 2024-04 or 2024-11-26.',
      source: '来源: where the text was published.',
      sourceUrl: 'Address of the original publication (https://…).',
      authors: '作者: who wrote it, when not the speaker or a reporter.',
      summary: 'One or two sentences for lists and feeds.',
      tags: 'Keywords, e.g. [全过程人民民主, 票决制].',
      omitted: 'Text missing from the source (此处隐藏4864字): chars and/or a note.',
      attachments: 'Slides and PDFs in the course media/ folder: - file: media/x.pdf / title: 课件.',
      draft: 'Set to true to check the document without publishing it.',
      speaker: 'Who gave the speech: a name, or { name: 张三, position: 区人大常委会主任 }.',
      occasion: '开班式, 结业式, 座谈会 …',
      lecturers: 'required. One lecturer or several: [吴文毅] or - { name: …, position: … }.',
      format: '专题讲座, 辅导报告, 授课提纲, 党课 …',
      series: 'The series, e.g. …专题讲座第二讲.',
      reporters: '记者',
      correspondents: '通讯员',
      photographers: '摄影',
      editors: '编辑 / 责任编辑',
      images: 'Photos in the course media/ folder: - src: media/x.jpg / caption: 会议现场.',
      courseTitle: 'required. The course name: 信阳市县乡人大干部履职能力提升培训班.',
      start: 'required. First day: 2024-11-18.',
      end: 'required. Last day (the same as start for one day).',
      venue: 'required. Where it was held: 大别山干部学院.',
      organizers: 'required. 主办: one organiser or several.',
      hosts: '承办',
      participants: 'Who took part: { description: 全市县乡两级人大干部, count: 120 }.',
      sessions: 'The agenda: date, period (上午/下午/晚上), kind (opening, lecture, exchange, discussion, visit, closing, other), title, speakers, document.',
      body: 'The text of the document, in Markdown, goes below the --- line.',
      courseBody: 'The introduction of the course, in Markdown, goes below the --- line.',
    },
  },
};

export type CliMessages = typeof cliEn;

const cliZhCN: CliMessages = {
  help: {
    main: `用法：lectern <命令> [选项]

命令：
  check            检查整个资料库，逐条列出问题（路径:行: 字段: 说明）
  build            先检查，再把网站生成到 dist/（只有成功时才替换）
  permalinks       把每篇已发布文稿的网址记入 permalinks.json
  import 文件…     把 .txt、.md、.html/.htm、.docx 文件转成文稿
  new 类型         生成模板：course、speech、lecture 或 writeup

选项：
  --content 目录   资料库目录（默认：$LECTERN_CONTENT 或 ./content）
  -h, --help       显示帮助；\`lectern <命令> --help\` 查看单个命令

退出码：0 完成，1 发现问题或有文件未导入，2 用法错误。
`,
    check: `用法：lectern check [--content 目录]

读取整个资料库，逐条列出问题：路径:行: 字段: 说明。
有问题时退出码为 1，没有问题时为 0。
`,
    build: `用法：lectern build [--content 目录] [--out 目录]

先检查资料库，再生成网站到临时目录，成功后才替换输出目录。
  --out 目录       输出目录（默认：$LECTERN_OUT 或 ./dist）
`,
    permalinks: `用法：lectern permalinks [--content 目录]

先检查资料库，再把每篇已发布文稿的网址记入资料库目录中的 permalinks.json，
以后改名时可以发现。
`,
    import: `用法：lectern import 文件|文件夹… [选项]

把编辑手头的文字转成文稿：.txt（UTF-8、UTF-16、GBK/GB18030 或 Big5）、
.md、.html/.htm（另存的网页：找出正文，去掉页面其余部分）和 .docx。
给出文件夹时导入其中所有这类文件。
写入 <资料库>/<培训班>/<类型>s/<标识>.md；.docx 中的图片存入培训班的 media/。
所有推测和删去的行都会列出。

选项：
  --course 标识    写入哪个培训班（除 --dry-run 外必填）
  --kind 类型      speech、lecture 或 writeup（默认：根据文字判断）
  --dry-run        不写文件，只显示将写入的内容
  --json           每个文件输出 { kind, id, frontmatter, body, warnings }
                   （多个文件时为数组）
  --force          替换已存在的文稿和图片
  --content 目录   资料库目录（默认：$LECTERN_CONTENT 或 ./content）

示例：
  lectern import --dry-run --json 讲话.txt
  lectern import --course xinyang-2024 稿件/
`,
    new: `用法：lectern new course|speech|lecture|writeup [选项]

生成模板，每个字段都有注释说明。填好占位内容（"" 和 YYYY-MM-DD）后运行 \`lectern check\`。

选项：
  --course 标识    文稿所属培训班（不给出时把模板打印出来）
  --id 标识        文件名：培训班标识或文稿标识
  --stdout         打印模板而不写文件
  --force          替换已存在的文件
  --content 目录   资料库目录（默认：$LECTERN_CONTENT 或 ./content）
`,
  },
  usage: {
    unknownCommand: '未知命令或参数：{args}',
    noFiles: '没有要导入的文件：请给出文件或文件夹。',
    badKind: '--kind：应为 speech、lecture 或 writeup，实际为“{kind}”',
    badId: '{option}：“{value}”不能作标识：请用小写英文字母、数字和连字符',
    needCourse: '写入文件需要 --course（{content} 中的培训班：{courses}）；或使用 --dry-run',
    badNewType: 'lectern new：应为 course、speech、lecture 或 writeup，实际为“{type}”',
    needCourseId: 'lectern new course：请用 --id 给出培训班标识',
  },
  import: {
    written: '{source} → {target}（{kind}，{warnings} 条提示）',
    dryRun: '{source} → {target}（{kind}，{warnings} 条提示，未写入：--dry-run）',
    exists: '{source}：{target} 已存在；使用 --force 替换',
    failed: '{source}：无法导入：{reason}',
    missing: '文件或文件夹不存在',
    unsupported: '应为 {extensions}',
    emptyFolder: '{folder}：其中没有 .txt、.md、.html、.htm 或 .docx 文件',
    media: '  图片 → {file}',
    noCourseFile: '培训班文件夹 {course} 还没有 course.md：请用 `lectern new course --id {course}` 创建。',
    warningLine: '  第 {line} 行：{message}',
    warning: '  {message}',
    moreWarnings: '  ……另有 {count} 条（--json 列出全部）',
    summaryHeader: ['文件', '类型', '标识', '提示', '结果'],
    result: { written: '已写入', dryRun: '试运行', exists: '已存在', failed: '失败' },
    done: '导入 {imported} 个，未导入 {failed} 个，提示 {warnings} 条。',
  },
  warnings: {
    encodingGuess: '编码推测为 {encoding}（可信度 {confidence}）；请核对文字是否正常',
    droppedChrome: '删去网页部件：{text}',
    droppedFileName: '删去残留的文件名：{text}',
    droppedOutside: '删去正文以外的行：{text}',
    droppedFooter: '删去网站页脚：{text}',
    droppedRepeatedTitle: '删去网页重复的标题：{text}',
    imageFileNeeded: '图片“{text}”：请把图片文件放到培训班文件夹的 {src}',
    imageAsAttachment: '{count} 张图片列为附件：只有侧记有图片字段',
    titleFromFileName: '没有找到标题；暂用文件名“{text}”',
    noTitle: '没有找到标题：请填写 title',
    noDate: '没有找到日期：生成网站前请填写 date（YYYY、YYYY-MM 或 YYYY-MM-DD）',
    dateFromText: '没有发布日期；从正文“{text}”取 {date}',
    yearFromContext: '“{text}”没有年份；按培训班取 {year} 年',
    kindGuessed: '无法判断类型；按 {kind} 导入（可用 --kind 指定）',
    noLecturer: '没有找到主讲人：请填写 lecturers',
    noSpeaker: '没有找到讲话人；原文写明时请填写 speaker',
    ignoredField: '已识别但未保留（此类文稿没有该字段）：{text}',
    conflict: '另有{field}“{text}”；保留“{kept}”',
    invalidFrontmatter: '{field}：{message}',
  },
  new: {
    written: '已写入 {file}',
    exists: '{file} 已存在；使用 --force 替换',
    fields: {
      kind: '{kind}。标有“必填”的字段必须填写；可选字段去掉 # 即可使用。',
      title: '必填。发布时的标题。',
      subtitle: '副标题：标题中破折号（——）后面的部分。',
      date: '必填。讲话或发布日期：2024、2024-04 或 2024-11-26。',
      source: '来源：文稿发布在哪里。',
      sourceUrl: '原文网址（https://…）。',
      authors: '作者：讲话人或记者以外的撰写者。',
      summary: '摘要：一两句话，用于列表和订阅。',
      tags: '标签：[全过程人民民主, 票决制]。',
      omitted: '原文缺失的内容（此处隐藏4864字）：chars 字数和/或 note 说明。',
      attachments: '附件（培训班 media/ 中的课件、PDF）：- file: media/x.pdf / title: 课件。',
      draft: '设为 true 时只检查，不发布。',
      speaker: '讲话人：姓名，或 { name: 张三, position: 区人大常委会主任 }。',
      occasion: '场合：开班式、结业式、座谈会……',
      lecturers: '必填。主讲人，一人或多人：[吴文毅] 或 - { name: …, position: … }。',
      format: '形式：专题讲座、辅导报告、授课提纲、党课……',
      series: '系列：如 …专题讲座第二讲。',
      reporters: '记者',
      correspondents: '通讯员',
      photographers: '摄影',
      editors: '编辑 / 责任编辑',
      images: '图片（培训班 media/ 中）：- src: media/x.jpg / caption: 会议现场。',
      courseTitle: '必填。培训班名称：信阳市县乡人大干部履职能力提升培训班。',
      start: '必填。开始日期：2024-11-18。',
      end: '必填。结束日期（一天的培训班与开始日期相同）。',
      venue: '必填。地点：大别山干部学院。',
      organizers: '必填。主办单位，一个或多个。',
      hosts: '承办单位',
      participants: '参训对象：{ description: 全市县乡两级人大干部, count: 120 }。',
      sessions: '日程：date、period（上午/下午/晚上）、kind（opening、lecture、exchange、discussion、visit、closing、other）、title、speakers、document。',
      body: '文稿正文（Markdown）写在 --- 行下面。',
      courseBody: '培训班简介（Markdown）写在 --- 行下面。',
    },
  },
};

/** The words of `lectern import`, `lectern new` and the help, in the locale of `messages()`. */
export function cliMessages(locale: MessageLocale = messageLocale()): CliMessages {
  return locale === 'zh-CN' ? cliZhCN : cliEn;
}
