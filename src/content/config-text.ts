// The text of a new gazette.config.yaml (`npm run new -- gazette`), commented in Chinese, written with the yaml Document API.
import { Document, isMap, isScalar, isSeq, type Pair, type Scalar } from 'yaml';
import type { IssueUnit } from '../gazette/issue-address.ts';
import { formatRegistrationCode } from '../gazette/registration-code.ts';
import type { Frequency } from '../gazette/issue-calendar.ts';

export interface NamedSlug {
  name: string;
  slug: string;
}

export interface NewGazette {
  name: string;
  description: string;
  supervisor: string;
  publisher: string;
  motto?: string;
  base_url: string;
  path_prefix: string;
  issue_unit: IssueUnit;
  frequency: Frequency;
  /** absent: the gazette has no 规范性文件登记号 system */
  registration_prefix?: string;
  issuers: (NamedSlug & { codes: { code: string; slug: string }[] })[];
  sections: NamedSlug[];
  types: NamedSlug[];
}

/**
 * The 文种 of the 《党政机关公文处理工作条例》 (the 15 that GB/T 9704 formats), with the names of 规范性文件 that titles
 * end with (办法、规定、细则、方案), most used first; slugs name the /types/<slug>/ pages.
 */
export const DEFAULT_TYPES: readonly NamedSlug[] = [
  { name: '通知', slug: 'notice' },
  { name: '意见', slug: 'opinion' },
  { name: '决定', slug: 'decision' },
  { name: '办法', slug: 'measures' },
  { name: '规定', slug: 'provisions' },
  { name: '细则', slug: 'rules' },
  { name: '方案', slug: 'plan' },
  { name: '批复', slug: 'reply' },
  { name: '函', slug: 'letter' },
  { name: '通报', slug: 'bulletin' },
  { name: '公告', slug: 'announcement' },
  { name: '通告', slug: 'public-notice' },
  { name: '命令', slug: 'order' },
  { name: '决议', slug: 'resolution' },
  { name: '纪要', slug: 'minutes' },
  { name: '报告', slug: 'report' },
  { name: '请示', slug: 'request' },
  { name: '公报', slug: 'communique' },
  { name: '议案', slug: 'motion' },
];

/** `名称:slug` → { name, slug }, or undefined when either part is missing. */
export function parseNamedSlug(value: string): NamedSlug | undefined {
  const match = /^([^:：]+)[:：]([^:：]+)$/.exec(value.trim());
  return match ? { name: match[1]!.trim(), slug: match[2]!.trim() } : undefined;
}

/** `发文机关:slug[:代字=slug,代字=slug]` → an issuer with its 机关代字, or undefined when it does not have that form. */
export function parseIssuerSpec(value: string): NewGazette['issuers'][number] | undefined {
  const [name, slug, codes, ...rest] = value.split(/[:：]/).map((part) => part.trim());
  if (!name || !slug || rest.length > 0) return undefined;
  const pairs = (codes ?? '').split(/[,，]/).filter(Boolean).map((pair) => /^([^=]+)=([^=]+)$/.exec(pair.trim()));
  if (pairs.some((pair) => !pair)) return undefined;
  return { name, slug, codes: pairs.map((pair) => ({ code: pair![1]!.trim(), slug: pair![2]!.trim() })) };
}

/** Comments written before a key (a line of its own) and after its value (on its line). */
const BEFORE: Partial<Record<keyof NewGazette, string>> = {
  name: '政报站点配置：由 npm run new -- gazette 生成。换一种政报只需修改本文件，不改代码。\n每个键的含义见 docs/configuration.md。',
  base_url: '站点发布地址（不含路径前缀）和路径前缀。部署时可用 npm run build -- --base-url / --path-prefix 覆盖。',
  issue_unit: '刊期：期号写作“第2期”用 期，写作“第2号”用 号；刊期（月刊、半月刊、旬刊、周刊、不定期）决定 npm run new -- issue 的默认值。',
  issuers: '发文机关及其机关代字；slug 用于文件名和网址，须稳定、唯一。',
  sections: '栏目，按印刷顺序；slug 用于栏目页网址 /sections/<slug>/，须稳定、唯一。',
  types: '文种；slug 用于文种页网址 /types/<slug>/。默认为公文处理工作条例的 15 种文种和常见的规范性文件名称，可删减。',
};
const AFTER: Partial<Record<keyof NewGazette, string>> = {
  name: '刊名',
  description: '刊物性质',
  supervisor: '主管',
  publisher: '主办',
  motto: '封面宣传语',
};
const NO_REGISTRATION = '本刊没有规范性文件登记号制度。有登记号时加一行 registration_prefix: ABCR（登记号形如 ABCR-2020-00001）。';
const ENDING = '可选项：motto（封面宣传语）、colophon（编辑出版信息，如 - { label: 电话, value: "0000-0000000" }）、\nno_validity（不适用时效性的栏目或文种，如 [人事任免]）、search_shard_size、max_file_kb，见 docs/configuration.md。';

/** The config file's text: the values given, in the order and with the comments of the committed example. */
export function configText(gazette: NewGazette): string {
  const ordered: Record<string, unknown> = {
    name: gazette.name,
    description: gazette.description,
    supervisor: gazette.supervisor,
    publisher: gazette.publisher,
    ...(gazette.motto ? { motto: gazette.motto } : {}),
    base_url: gazette.base_url,
    path_prefix: gazette.path_prefix,
    issue_unit: gazette.issue_unit,
    frequency: gazette.frequency,
    ...(gazette.registration_prefix ? { registration_prefix: gazette.registration_prefix } : {}),
    issuers: gazette.issuers,
    sections: gazette.sections,
    types: gazette.types,
  };
  const doc = new Document(ordered);
  if (!isMap(doc.contents)) throw new Error('config is not a map');
  for (const pair of doc.contents.items as Pair<Scalar, unknown>[]) {
    const key = String(pair.key.value) as keyof NewGazette;
    const before = BEFORE[key] ?? (key === 'issuers' && !gazette.registration_prefix ? NO_REGISTRATION : undefined);
    if (before) pair.key.commentBefore = commentLines(key === 'issuers' && !gazette.registration_prefix ? `${NO_REGISTRATION}\n\n${before}` : before);
    if (key === 'registration_prefix' && gazette.registration_prefix && isScalar(pair.value)) pair.value.comment = ` 规范性文件登记号前缀：${formatRegistrationCode({ prefix: gazette.registration_prefix, year: 2020, serial: 1 })}（没有登记号制度的政报删去此项）`;
    else if (AFTER[key] && isScalar(pair.value)) pair.value.comment = ` ${AFTER[key]}`;
    // Blank lines between groups, as in the committed example.
    if (['base_url', 'issue_unit', 'registration_prefix', 'issuers', 'sections', 'types'].includes(key)) pair.key.spaceBefore = true;
    if (key === 'issuers' && isSeq(pair.value)) for (const issuer of pair.value.items) flowItems(isMap(issuer) ? issuer.get('codes', true) : undefined);
    if (key === 'sections' || key === 'types') flowItems(pair.value);
  }
  doc.comment = commentLines(ENDING);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

/** Each map of a sequence on one line: `- { name: 通知, slug: notice }`. */
function flowItems(node: unknown): void {
  if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
}

/** yaml writes `#` + each line: a space after the `#`, and an empty line stays a bare `#`. */
function commentLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? ` ${line}` : ''))
    .join('\n');
}
