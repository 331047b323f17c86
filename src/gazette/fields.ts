// The field tables: one row per front-matter field of a document and of an issue — its zod schema, Chinese label,
// example, and (for documents) its open-data/CSV name. The schemas, messages, CSV columns, zip README, templates and
// the editors' guide all come from here.
import { z } from 'zod';
import { issueNumberName, totalNumberName, type IssueUnit } from './issue-address.ts';
import { RECORDED_STATUSES } from './validity.ts';
import { SEARCH_FACET } from './browse.ts';

/** A calendar date written `YYYY-MM-DD` that really exists (2018-02-30 does not). */
export const isoDate = z
  .string({ error: '应为日期，格式 YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(isRealDate, { error: (issue) => `日期 ${String(issue.input)} 不存在，请检查月份和日期` });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A message for a value that is not an integer (the message door names the field); a bound (min, max) is left to the door. */
function integerOnly(issue: { code: string }): string | undefined {
  return issue.code === 'invalid_type' ? '应为整数' : undefined;
}

export const nonEmpty = z.string({ error: '应为文字' }).trim().min(1, { error: '不能为空' });
export const slug = z.string({ error: '应为文字' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '应为小写字母、数字和连字符，如 gov-notice' });

export interface FieldRow<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** Chinese name, as the pages, messages and the editors' guide say it */
  label: string;
  /** a generic `key: value` line; content/examples.ts replaces it with the gazette's own where one exists */
  example: string;
  /** what it holds, for the editors' guide and the zip README */
  meaning: string;
  /** the name of this field in open data (JSON key, CSV column `label name`); absent: not exported as such */
  openData?: string;
}

function row<S extends z.ZodType>(field: FieldRow<S>): FieldRow<S> {
  return field;
}

/** The fields of a document file's front matter, in the order an editor writes them. */
export const DOCUMENT_FIELDS = {
  title: row({ schema: nonEmpty, label: '标题', example: 'title: 某市人民政府关于……的通知', meaning: '公文标题，与印刷版一致', openData: 'title' }),
  doc_number: row({ schema: nonEmpty, label: '发文字号', example: 'doc_number: 某政发〔2020〕3号', meaning: '发文字号，GB/T 9704 格式：机关代字〔年份〕序号号', openData: 'doc_number' }),
  registration_code: row({ schema: nonEmpty.optional(), label: '登记号', example: 'registration_code: ABCR-2020-00001', meaning: '规范性文件登记号（仅在配置了 registration_prefix 的政报中使用）', openData: 'registration_code' }),
  date: row({ schema: isoDate, label: '成文日期', example: 'date: 2020-02-06', meaning: '成文日期（落款日期）', openData: 'date' }),
  issuers: row({ schema: z.array(nonEmpty, { error: '发文机关应为列表' }).min(1, { error: '至少写一个发文机关' }), label: '发文机关', example: 'issuers: [某市人民政府]', meaning: '发文机关，联合行文时依次列出', openData: 'issuers' }),
  section: row({ schema: nonEmpty, label: '栏目', example: 'section: 市政府文件', meaning: '所在栏目（配置中的栏目之一）', openData: 'section' }),
  type: row({ schema: nonEmpty, label: '文种', example: 'type: 通知', meaning: '文种（配置中的文种之一）', openData: 'type' }),
  page: row({ schema: z.int({ error: '页码应为正整数' }).min(1, { error: '页码应为正整数' }), label: '页码', example: 'page: 3', meaning: '在本期印刷版中的起始页码', openData: 'page' }),
  effective: row({ schema: isoDate.optional(), label: '施行日期', example: 'effective: 2020-03-01', meaning: '自何日起施行（文中写明时）', openData: 'effective' }),
  valid_until: row({ schema: isoDate.optional(), label: '有效期至', example: 'valid_until: 2025-02-28', meaning: '有效期届满之日', openData: 'valid_until' }),
  status: row({
    schema: z.enum(RECORDED_STATUSES, { error: `应为 ${RECORDED_STATUSES.join('、')} 之一；没有记录时删去此项（网站显示“未标注”）` }).optional(),
    label: SEARCH_FACET.status,
    example: 'status: 有效',
    meaning: `有据可查的时效性（${RECORDED_STATUSES.join('、')}），如清理结果；日期和废止、修改文件另有字段`,
  }),
  repealed_by: row({ schema: nonEmpty.optional(), label: '废止文件', example: 'repealed_by: 某政发〔2022〕8号', meaning: '废止本文件的文件的发文字号' }),
  amended_by: row({ schema: z.array(nonEmpty).optional(), label: '修改文件', example: 'amended_by: [某政发〔2021〕2号]', meaning: '修改本文件的文件的发文字号' }),
};

/** The fields of an issue file's front matter. */
export const ISSUE_FIELDS = {
  year: row({ schema: z.int({ error: integerOnly }).min(1949).max(2100), label: '年份', example: 'year: 2020', meaning: '出版年份' }),
  number: row({ schema: z.int({ error: integerOnly }).min(1).max(99), label: issueNumberName('期'), example: 'number: 2', meaning: '当年的期号（第N期或第N号）' }),
  total_number: row({ schema: z.int({ error: integerOnly }).min(1), label: totalNumberName('期'), example: 'total_number: 55', meaning: '自创刊以来的总期号' }),
  published: row({ schema: isoDate, label: '出版日期', example: 'published: 2020-02-28', meaning: '出版日期' }),
  sections: row({ schema: z.array(nonEmpty).min(1), label: '栏目', example: 'sections: [市政府文件]', meaning: '本期的栏目，按印刷顺序' }),
  contents: row({ schema: z.array(slug).default([]), label: '目录', example: 'contents: [mzf-2020-3]', meaning: '目录：文件名（不含 .md），按印刷顺序' }),
  editorial_board: row({
    schema: z.array(z.strictObject({ role: nonEmpty, members: z.array(nonEmpty).min(1) })).default([]),
    label: '编辑委员会',
    example: 'editorial_board: [{ role: 主编, members: [张三] }]',
    meaning: '编辑委员会（职务和成员）',
  }),
  statements: row({ schema: z.array(nonEmpty).default([]), label: '封面声明', example: 'statements: [本刊是市人民政府规范性文件的标准文本]', meaning: '封面上的声明' }),
};

export type DocumentFieldKey = keyof typeof DOCUMENT_FIELDS;
export type IssueFieldKey = keyof typeof ISSUE_FIELDS;

/** The zod shape of a field table: `{ key: schema }`, types kept. */
export function shapeOf<T extends Record<string, FieldRow>>(table: T): { [K in keyof T]: T[K]['schema'] } {
  return Object.fromEntries(Object.entries(table).map(([key, field]) => [key, field.schema])) as { [K in keyof T]: T[K]['schema'] };
}

/** Label and example of every front-matter key (document and issue), for messages. */
export const FIELD_LABELS: Readonly<Record<string, Pick<FieldRow, 'label' | 'example'>>> = { ...ISSUE_FIELDS, ...DOCUMENT_FIELDS };

/**
 * `FIELD_LABELS` in a gazette's issue unit: number is 期号 or 号数, total_number 总期号 or 总号数 (the tables say 期,
 * the default; the editors' guide documents them so).
 */
export function fieldLabelsIn(unit: IssueUnit): Readonly<Record<string, Pick<FieldRow, 'label' | 'example'>>> {
  return {
    ...FIELD_LABELS,
    number: { ...ISSUE_FIELDS.number, label: issueNumberName(unit) },
    total_number: { ...ISSUE_FIELDS.total_number, label: totalNumberName(unit) },
  };
}
