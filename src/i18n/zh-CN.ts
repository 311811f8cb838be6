/**
 * Every string the generated site shows, in Simplified Chinese.
 *
 * Keys are flat and dotted, grouped by the page or component that shows them
 * (`search.placeholder`, `course.venue`). Placeholders are named: `{count}`.
 * A new locale is a file with the same keys; `ui.ts` checks that none is missing.
 */
export const zhCN = {
  'site.skipLink': '跳到正文',
  'site.home': '首页',
  'site.courses': '培训班',
  'site.people': '人物',
  'site.years': '年份',
  'site.search': '搜索',
  'site.mainNav': '主导航',
  'site.footer.organization': '主办单位：{name}',
  'site.footer.contact': '联系方式：{contact}',
  'site.footer.icp': '备案号：{icp}',
  'site.footer.siteCode': '网站标识码：{code}',

  'home.courses': '培训班',
  'home.latest': '最新文稿',
  'home.coursesOfYear': '{year}年',
  'home.documentCount': '{count}篇文稿',
  'home.empty': '还没有培训班。',

  'kind.speech': '讲话',
  'kind.lecture': '讲稿',
  'kind.writeup': '侧记',
  'kind.speech.plural': '讲话',
  'kind.lecture.plural': '讲稿与授课提纲',
  'kind.writeup.plural': '侧记与新闻稿',

  'session.opening': '开班式',
  'session.lecture': '专题讲座',
  'session.exchange': '交流会',
  'session.discussion': '分组研讨',
  'session.visit': '现场教学',
  'session.closing': '结业式',
  'session.other': '其他',

  'course.dates': '时间',
  'course.venue': '地点',
  'course.organizers': '主办',
  'course.hosts': '承办',
  'course.participants': '参训对象',
  'course.participantsCount': '{description}，共{count}人',
  'course.agenda': '日程',
  'course.agenda.date': '日期',
  'course.agenda.period': '时段',
  'course.agenda.kind': '类别',
  'course.agenda.title': '内容',
  'course.agenda.speakers': '主讲/发言',
  'course.agenda.document': '文稿',
  'course.agenda.read': '阅读',
  'course.documents': '本班文稿',
  'course.noDocuments': '本班还没有文稿。',

  'doc.speaker': '讲话人',
  'doc.occasion': '场合',
  'doc.lecturers': '主讲人',
  'doc.format': '形式',
  'doc.series': '系列',
  'doc.reporters': '记者',
  'doc.correspondents': '通讯员',
  'doc.editors': '编辑',
  'doc.photographers': '摄影',
  'doc.authors': '作者',
  'doc.date': '日期',
  'doc.source': '来源',
  'doc.course': '所属培训班',
  'doc.attachments': '附件',
  'doc.omitted': '说明：原文此处有{chars}字未收录。',
  'doc.omittedNoCount': '说明：原文有部分内容未收录。',
  'doc.metadata': '文稿信息',
  'doc.tags': '标签',

  'date.year': '{year}年',
  'date.month': '{year}年{month}月',
  'date.day': '{year}年{month}月{day}日',
  'date.rangeSeparator': '至',

  // reading site: navigation, table of contents, font size, print, people, years, tags (issue 4)

  // search (issue 5)
  'search.title': '搜索',
  'search.label': '关键词',
  'search.placeholder': '如：全过程人民民主、票决制、主讲人姓名',
  'search.submit': '搜索',
  'search.headerLabel': '全站搜索',
  'search.headerPlaceholder': '搜索讲话、讲稿、侧记（按 / 键）',
  'search.sort': '排序',
  'search.sort.relevance': '按相关度',
  'search.sort.date': '按日期（由新到旧）',
  'search.filters': '筛选',
  'search.filter.course': '培训班',
  'search.filter.kind': '类别',
  'search.filter.year': '年份',
  'search.filter.person': '人物',
  'search.filter.tag': '标签',
  'search.filter.all': '全部',
  'search.filter.count': '（{count}）',
  'search.clearFilters': '清除全部筛选',
  'search.noscript': '搜索功能需要浏览器启用 JavaScript。您也可以按年份或按人物浏览全部文稿：',
  'search.browseYears': '按年份浏览',
  'search.browsePeople': '按人物浏览',
  'search.loading': '正在搜索……',
  'search.prompt': '请输入关键词，或选择筛选条件。',
  'search.count': '共找到 {count} 篇文稿。',
  'search.countFiltered': '共找到 {count} 篇文稿（不加筛选为 {total} 篇）。',
  'search.browseCount': '共 {count} 篇文稿。',
  'search.none': '没有找到包含“{query}”的文稿。',
  'search.noneFiltered': '在当前筛选条件下没有找到包含“{query}”的文稿。',
  'search.loosened.parts': '没有找到连在一起的“{query}”，以下文稿分别包含{parts}。',
  'search.loosened.words': '没有找到“{query}”，以下文稿包含{parts}。',
  'search.loosened.part': '“{part}”',
  'search.loosened.separator': '、',
  'search.more': '显示更多结果',
  'search.unavailable': '搜索索引无法加载。请稍后再试，或按年份、按人物浏览。',
  'search.results': '搜索结果',


  // feeds, embeds, meta tags (issue 8)

  'notFound.title': '页面不存在',
  'notFound.body': '您访问的页面不存在或已被移动。可以回到首页，或搜索您要找的内容。',
} as const;

export type UiKey = keyof typeof zhCN;
