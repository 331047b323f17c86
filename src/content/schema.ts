// The one source of truth for data shapes: site config, issue file and document file (zod schemas + inferred types).
import { z } from 'zod';

/** A calendar date written `YYYY-MM-DD` that really exists (2018-02-30 does not). */
export const isoDate = z
  .string({ error: '应为日期，格式 YYYY-MM-DD，如 2018-02-06' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD，如 2018-02-06' })
  .refine(isRealDate, { error: (issue) => `日期 ${String(issue.input)} 不存在，请检查月份和日期` });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const nonEmpty = z.string({ error: '应为文字' }).trim().min(1, { error: '不能为空' });
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: '应为小写字母、数字和连字符，如 yzf' });

// ---------------------------------------------------------------- site config

export const issuerCodeSchema = z.strictObject({
  /** 机关代字, e.g. 永政发 */
  code: nonEmpty,
  /** ASCII slug used in file names and URLs, e.g. yzf */
  slug,
});

export const issuerSchema = z.strictObject({
  /** 发文机关全称, e.g. 永州市人民政府 */
  name: nonEmpty,
  /** stable ASCII slug for the issuer's pages */
  slug,
  /** the 机关代字 this organ issues under */
  codes: z.array(issuerCodeSchema).default([]),
});

/**
 * A site path prefix: `/` or `/a/b/`, each segment of URL-safe characters (letters, digits, `-._~`) and not `.` or `..`
 * (the config's path_prefix and the --path-prefix options).
 */
export const PATH_PREFIX = /^\/(?:(?!\.\.?\/)[A-Za-z0-9._~-]+\/)*$/;
export const PATH_PREFIX_HINT = '应以 / 开头和结尾，只用字母、数字和 -._~，如 / 或 /zhengbao/';

export const configSchema = z.strictObject({
  /** 刊名, e.g. 永州政报 */
  name: nonEmpty,
  /** one-line description, e.g. 永州市人民政府机关刊物 */
  description: nonEmpty,
  /** 主管单位 */
  supervisor: nonEmpty,
  /** 主办单位 */
  publisher: nonEmpty,
  /** 刊物宣传语 printed on the cover */
  motto: z.string().optional(),
  /** absolute URL of the published site, without the path prefix */
  base_url: z.url({ error: '应为完整网址，如 https://example.gov.cn' }),
  /** path under base_url where the site lives, starts and ends with / */
  path_prefix: z.string().regex(PATH_PREFIX, { error: PATH_PREFIX_HINT }).default('/'),
  /** 规范性文件登记号前缀, e.g. YZCR */
  registration_prefix: z.string().regex(/^[A-Z]{2,10}$/, { error: '应为大写字母，如 YZCR' }),
  /** 发文机关 and their 机关代字 */
  issuers: z.array(issuerSchema).min(1),
  /** 栏目, in the order they are printed, each with a stable ASCII slug for its page */
  sections: z.array(z.strictObject({ name: nonEmpty, slug })).min(1),
  /** 文种 with stable ASCII slugs for their pages (通知 → notice) */
  types: z.array(z.strictObject({ name: nonEmpty, slug })).min(1),
  /** most documents in one search index shard (consecutive years); Pagefind's memory grows with the shard */
  search_shard_size: z.int().min(1).default(5000),
  /** largest accepted content file, in KiB (a larger file is an error, not a crash) */
  max_file_kb: z.int().min(1).default(2048),
  /** 编辑出版 details printed in every issue (label → value) */
  colophon: z.array(z.strictObject({ label: nonEmpty, value: z.string() })).default([]),
});

export type GazetteConfig = z.infer<typeof configSchema>;
export type Issuer = z.infer<typeof issuerSchema>;

// ---------------------------------------------------------------- issue file

export const issueSchema = z.strictObject({
  /** 年份 */
  year: z.int({ error: '年份应为整数，如 2018' }).min(1949).max(2100),
  /** 期号 (number within the year) */
  number: z.int({ error: '期号应为整数，如 2' }).min(1).max(99),
  /** 总期号 (running number since the first issue) */
  total_number: z.int({ error: '总期号应为整数，如 103' }).min(1),
  /** 出版日期 */
  published: isoDate,
  /** 栏目 of this issue, in printed order */
  sections: z.array(nonEmpty).min(1),
  /** 目录: document slugs (file names without .md) in printed order */
  contents: z.array(slug).default([]),
  /** 编辑委员会 */
  editorial_board: z.array(z.strictObject({ role: nonEmpty, members: z.array(nonEmpty).min(1) })).default([]),
  /** 封面声明 */
  statements: z.array(nonEmpty).default([]),
});

export type IssueFrontMatter = z.infer<typeof issueSchema>;

// ---------------------------------------------------------------- document file

export const documentSchema = z.strictObject({
  /** 标题 */
  title: nonEmpty,
  /** 发文字号, e.g. 永政发〔2018〕3号 */
  doc_number: nonEmpty,
  /** 规范性文件登记号, e.g. YZCR-2018-00001 */
  registration_code: z.string().optional(),
  /** 成文日期 */
  date: isoDate,
  /** 发文机关 (several for a joint document) */
  issuers: z.array(nonEmpty, { error: '发文机关应为列表' }).min(1, { error: '至少写一个发文机关' }),
  /** 栏目 */
  section: nonEmpty,
  /** 文种: 通知 / 意见 / 决定 / 方案 … */
  type: nonEmpty,
  /** 所在期的印刷页码 */
  page: z.int({ error: '页码应为正整数' }).min(1, { error: '页码应为正整数' }),
  /** 有效期至 */
  valid_until: isoDate.optional(),
  /** 发文字号 of the document that repealed this one (废止) */
  repealed_by: nonEmpty.optional(),
  /** 发文字号 of the documents that amended this one (已修改) */
  amended_by: z.array(nonEmpty).optional(),
});

export type DocumentFrontMatter = z.infer<typeof documentSchema>;

/** Chinese meaning and an example for every front-matter key: used by error messages and documented in README. */
export const fieldLabels: Record<string, { label: string; example: string }> = {
  title: { label: '标题', example: 'title: 永州市人民政府关于……的通知' },
  doc_number: { label: '发文字号', example: 'doc_number: 永政发〔2018〕3号' },
  registration_code: { label: '规范性文件登记号', example: 'registration_code: YZCR-2018-00001' },
  date: { label: '成文日期', example: 'date: 2018-02-06' },
  issuers: { label: '发文机关', example: 'issuers: [永州市人民政府]' },
  section: { label: '栏目', example: 'section: 市政府文件' },
  type: { label: '文种', example: 'type: 通知' },
  page: { label: '页码', example: 'page: 3' },
  valid_until: { label: '有效期至', example: 'valid_until: 2023-02-28' },
  repealed_by: { label: '废止文件', example: 'repealed_by: 永政发〔2020〕8号' },
  amended_by: { label: '修改文件', example: 'amended_by: [永政发〔2019〕2号]' },
  year: { label: '年份', example: 'year: 2018' },
  number: { label: '期号', example: 'number: 2' },
  total_number: { label: '总期号', example: 'total_number: 103' },
  published: { label: '出版日期', example: 'published: 2018-02-28' },
  sections: { label: '栏目', example: 'sections: [市政府文件, 市政府办文件]' },
  contents: { label: '目录', example: 'contents: [yzf-2018-1, yzf-2018-2]' },
  editorial_board: { label: '编辑委员会', example: 'editorial_board: [{ role: 主编, members: [乐家茂] }]' },
  statements: { label: '封面声明', example: 'statements: [本刊是市人民政府规范性文件的标准文本]' },
};
