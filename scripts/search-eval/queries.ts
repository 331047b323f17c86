// The fixed Chinese query set of the recall evaluation: per seed document, topic words a reader would type and its numbers.

export type QueryKind = 'word' | 'number';

export interface EvalQuery {
  /** what the reader types into the search box */
  query: string;
  kind: QueryKind;
  /** 发文字号 of the document that should come first (compared with the result's 发文字号 meta) */
  expect: string;
}

interface SeedTarget {
  /** 发文字号 in its standard form, as in the front matter of tests/fixtures/yongzhou/issues/2018/02/*.md */
  docNumber: string;
  /** 登记号, for 规范性文件 only */
  registration?: string;
  /** topic words; ≥ 4 per document, mostly words that occur in no other seed document */
  words: string[];
}

/**
 * The seed issue (永州政报 2018年第2期). Words were checked with grep against the seed Markdown; deliberately hard
 * ones: 执行力 and 十条规定 also occur in 永政办发〔2018〕1号 and 永政发〔2018〕2号; 水泥路 occurs nowhere as such
 * (the text says 通水泥（沥青）路); 实施细则 occurs in three documents.
 */
export const SEED_TARGETS: SeedTarget[] = [
  { docNumber: '永政发〔2018〕1号', words: ['执行力 十条规定', '签批划圈', '推诿扯皮', '索拿卡要'] },
  { docNumber: '永政发〔2018〕2号', words: ['十项改革', '并联审批', '无纸化办公', '执行力 十项改革'] },
  {
    docNumber: '永政发〔2018〕3号',
    registration: 'YZCR-2018-00001',
    words: ['就业创业', '高校毕业生', '创业担保贷款', '退役军人 就业'],
  },
  { docNumber: '永政发〔2018〕4号', words: ['议事协调机构', '清理调整', '无偿献血领导小组', '议事协调机构 撤销'] },
  { docNumber: '永政函〔2018〕9号', words: ['见义勇为', '见义勇为 表彰', '先进个人', '刘汉成'] },
  { docNumber: '永政办发〔2018〕1号', words: ['实施细则 责任追究', '总值班', '建议提案办理', '市长批示件'] },
  { docNumber: '永政办发〔2018〕2号', words: ['社会信用体系', '失信惩戒', '统一社会信用代码', '红黑名单'] },
  { docNumber: '永政办函〔2018〕11号', words: ['水泥路', '自然村通水泥', '沥青路', '脱贫攻坚 自然村'] },
  { docNumber: '永政人〔2018〕1号', words: ['职务任免', '易俊良', '陈宗华', '柑桔示范场'] },
];

/** 永政发〔2018〕1号 → 永政发[2018]1号 (how numbers are typed on keyboards without 六角括号). */
export function squareBrackets(docNumber: string): string {
  return docNumber.replace('〔', '[').replace('〕', ']');
}

/** Number queries for one document: standard 发文字号, with square brackets, and the 登记号 if it has one. */
export function numberQueries(docNumber: string, registration?: string): EvalQuery[] {
  const queries = [docNumber, squareBrackets(docNumber), ...(registration ? [registration] : [])];
  return queries.map((query) => ({ query, kind: 'number', expect: docNumber }));
}

/** The whole seed query set: every document's words, then its numbers. */
export function seedQueries(): EvalQuery[] {
  return SEED_TARGETS.flatMap((target) => [
    ...target.words.map((query): EvalQuery => ({ query, kind: 'word', expect: target.docNumber })),
    ...numberQueries(target.docNumber, target.registration),
  ]);
}
