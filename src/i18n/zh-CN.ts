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

  // feeds, embeds, meta tags (issue 8)
  'site.footer.parent': '返回{name}',
  'feed.site': '{site}最新文稿',
  'feed.description.site': '{site}最新发布的讲话、讲稿与侧记',
  'feed.title.course': '{course} - {site}',
  'feed.description.course': '{course}的讲话、讲稿与侧记',
  'embed.latest.title': '最新文稿',
  'embed.more': '更多文稿',
  'embed.course.more': '进入培训班页面',
  'embed.empty': '还没有文稿。',
  'meta.columnType.course': '培训班',
  'redirect.title': '页面已移动',
  'redirect.body': '本页已移至：',

  'notFound.title': '页面不存在',
  'notFound.body': '您访问的页面不存在或已被移动。可以回到首页，或搜索您要找的内容。',
} as const;

export type UiKey = keyof typeof zhCN;
