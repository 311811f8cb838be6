/**
 * Terms of people's-congress work that the search index keeps together (see
 * search-text.ts). A word segmenter glues a term to its neighbours where the
 * words around it suggest it (代表法规定 can become 代表|法规|定…); a term listed
 * here is cut on its own, the same way in every document and in the query.
 * Documents' tags are added to this list at build time.
 *
 * Only terms of two characters or more; the longest wins where two overlap.
 */
export const searchGlossary: readonly string[] = [
  // laws and institutions
  '人民代表大会制度',
  '人民代表大会',
  '全国人民代表大会',
  '人大常委会',
  '人大代表',
  '全国人大代表',
  '代表法',
  '地方组织法',
  '选举法',
  '立法法',
  '监督法',
  '预算法',
  '宪法',
  '宪法宣誓',
  '一府一委两院',
  '监察委员会',
  '人大主席团',
  '乡镇人大',
  '主任会议',
  // ideas and principles
  '全过程人民民主',
  '人民当家作主',
  '党的领导',
  '依法治国',
  '中国特色社会主义',
  // deputies' work
  '议案',
  '建议',
  '代表建议',
  '代表议案',
  '代表履职',
  '闭会期间',
  '代表之家',
  '代表联络站',
  '基层立法联系点',
  '述职评议',
  '满意度测评',
  // supervision
  '票决制',
  '民生实事',
  '预算审查',
  '预算审查监督',
  '预算联网监督',
  '国有资产',
  '国有资产管理',
  '政府债务',
  '审计查出问题整改',
  '执法检查',
  '专题询问',
  '备案审查',
  '规范性文件',
  '重大事项决定',
  '人事任免',
  // courses
  '培训班',
  '开班式',
  '结业式',
  '专题讲座',
  '分组研讨',
  '现场教学',
];
