// The one source of truth for data shapes: site config, issue file and document file (zod schemas + inferred types).
import { z } from 'zod';
import { ISSUE_UNITS } from '../gazette/issue-address.ts';
import { FREQUENCIES } from '../gazette/issue-calendar.ts';
import { REGISTRATION_PREFIX } from '../gazette/registration-code.ts';
import { DOCUMENT_FIELDS, FIELD_LABELS, ISSUE_FIELDS, isoDate, nonEmpty, shapeOf, slug } from '../gazette/fields.ts';

export { isoDate };

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
  /** 规范性文件登记号前缀 (e.g. YZCR for YZCR-2018-00001); leave out when the gazette has no 登记号 system */
  registration_prefix: z.string().regex(REGISTRATION_PREFIX, { error: '应为 2–10 个大写字母，如 ABCR；本刊没有登记号制度时删去此项' }).optional(),
  /** how issues are numbered: 2018年第2期 (期) or 2020年第2号 (号) */
  issue_unit: z.enum(ISSUE_UNITS, { error: `应为 ${ISSUE_UNITS.join(' 或 ')}：刊期写作“第2期”用 期，写作“第2号”用 号` }).default('期'),
  /** 刊期: how often an issue appears; drives the defaults of `npm run new -- issue` */
  frequency: z.enum(FREQUENCIES, { error: `应为 ${FREQUENCIES.join('、')} 之一` }).default('月刊'),
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
  /** public keys that signed earlier builds (PEM files, relative to the config), published with their periods of use */
  former_signing_keys: z
    .array(z.strictObject({ key: nonEmpty, from: isoDate, until: isoDate }))
    .default([]),
  /** 栏目 or 文种 whose documents carry no 时效性 at all (e.g. 人事任免): no status is shown or exported for them */
  no_validity: z.array(nonEmpty).default([]),
}).superRefine((config, context) => {
  const known = new Set([...config.sections.map((section) => section.name), ...config.types.map((type) => type.name)]);
  config.no_validity.forEach((name, index) => {
    if (!known.has(name)) context.addIssue({ code: 'custom', path: ['no_validity', index], message: `「${name}」不是配置中的栏目或文种：请写 sections 或 types 中的名称` });
  });
});

export type GazetteConfig = z.infer<typeof configSchema>;
export type Issuer = z.infer<typeof issuerSchema>;

// ---------------------------------------------------------------- issue file and document file (gazette/fields.ts)

export const issueSchema = z.strictObject(shapeOf(ISSUE_FIELDS));
export type IssueFrontMatter = z.infer<typeof issueSchema>;

export const documentSchema = z.strictObject(shapeOf(DOCUMENT_FIELDS));
export type DocumentFrontMatter = z.infer<typeof documentSchema>;

/** Chinese meaning and an example for every front-matter key: used by error messages and documented in the editors' guide. */
export const fieldLabels = FIELD_LABELS;
