// The friendly-error door: turns zod issues into placed vfile messages that state the problem, then the fix.
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { fieldLabels } from './schema.ts';
import type { PlacedYaml } from './yaml-places.ts';
import { report, type RuleId } from './rules.ts';

/** Labels and examples of the site config's keys (gazette.config.yaml), for its messages: generic, of no one city. */
const CONFIG_FIELDS: Fields = {
  name: { label: '刊名', example: 'name: 某市政报' },
  description: { label: '刊物性质', example: 'description: 某市人民政府机关刊物' },
  supervisor: { label: '主管单位', example: 'supervisor: 某市人民政府' },
  publisher: { label: '主办单位', example: 'publisher: 某市人民政府办公室' },
  motto: { label: '宣传语', example: 'motto: 发布政令 公开政务' },
  base_url: { label: '网址', example: 'base_url: https://zhengbao.example.gov.cn' },
  path_prefix: { label: '路径前缀', example: 'path_prefix: /zhengbao/' },
  registration_prefix: { label: '登记号前缀', example: 'registration_prefix: ABCR' },
  issue_unit: { label: '期号单位', example: 'issue_unit: 期' },
  frequency: { label: '刊期', example: 'frequency: 月刊' },
  issuers: { label: '发文机关', example: 'issuers: [{ name: 某市人民政府, slug: gov, codes: [{ code: 某政发, slug: mzf }] }]' },
  sections: { label: '栏目', example: 'sections: [{ name: 市政府文件, slug: government }]' },
  types: { label: '文种', example: 'types: [{ name: 通知, slug: notice }]' },
  search_shard_size: { label: '搜索索引分片大小', example: 'search_shard_size: 5000' },
  max_file_kb: { label: '文件大小上限（KiB）', example: 'max_file_kb: 2048' },
  colophon: { label: '编辑出版信息', example: 'colophon: [{ label: 编辑出版, value: 某市人民政府办公室 }]' },
};

/** Validate `data` against `schema`; report every issue on `file` as a fatal message. Returns the parsed value or undefined. */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: VFile,
  placeOf: PlacedYaml['placeOf'],
  ruleId: RuleId,
  /** label and example of each key, of this gazette (content/examples.ts messageFields); default: the generic tables */
  fields: Fields = ruleId === 'config-schema' ? CONFIG_FIELDS : fieldLabels,
): z.infer<S> | undefined {
  // Issues without a message of their own (the field tables give most of them one) get a Chinese one here.
  const result = schema.safeParse(data, { error: chineseMessage });
  if (result.success) return result.data;
  const context: Context = { data, schema, fields, noun: ruleId === 'config-schema' ? '配置' : '元数据' };
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    // One message per value: a date that fails its form is not also "a date that does not exist".
    const where = issue.path.map(String).join('.');
    if (issue.code !== 'unrecognized_keys' && seen.has(where)) continue;
    seen.add(where);
    for (const { reason, path, atValue } of describe(issue, context)) {
      report(file, reason, placeOf(path, { value: atValue }), ruleId);
    }
  }
  return undefined;
}

/** The label and example (`key: value`) of each key, for the messages. */
export type Fields = Readonly<Record<string, { label: string; example: string }>>;

interface Context {
  data: unknown;
  schema: z.ZodType;
  fields: Fields;
  /** 元数据 (front matter) or 配置 (gazette.config.yaml) */
  noun: string;
}

interface Described {
  reason: string;
  path: PropertyKey[];
  atValue: boolean;
}

function describe(issue: z.core.$ZodIssue, { data, schema, fields, noun }: Context): Described[] {
  const path = issue.path;
  const top = String(path[0] ?? '');
  const exampleOf = (key: string) => fields[key]?.example;
  const name = keyName(path, fields);

  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(schema, path);
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      const label = guess && path.length === 0 && fields[guess] ? `（${fields[guess].label}）` : '';
      const example = path.length === 0 ? (guess ? exampleOf(guess) : undefined) : exampleOf(top);
      const fix = guess
        ? `；是不是 ${guess}${label}？应写作 ${guess}${example ? `，如 ${example}` : ''}`
        : `：应删去这一行，或改为可用的键（${known.join('、')}）之一${path.length > 0 && exampleOf(top) ? `，如 ${exampleOf(top)}` : ''}`;
      return { reason: `未知的${noun}键 ${[...path, key].map(String).join('.')}${fix}`, path: [...path, key], atValue: false };
    });
  }
  // The whole front matter (or config) of the wrong shape: the first key's example shows the form.
  const example = exampleOf(path.length === 0 ? (Object.keys(fields)[0] ?? '') : top);
  const fix = example ? `，如 ${example}` : '';
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
    return [{ reason: `缺少必填字段 ${name}：应添加这一项${fix}`, path: path.slice(0, -1), atValue: false }];
  }
  return [{ reason: `${name} 的值有误：${issue.message}；应改正${fix || '为文档中说明的形式'}`, path, atValue: true }];
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否（true 或 false）',
  array: '列表（[甲, 乙] 或每行一项 - 甲）',
  object: '键值（key: value）',
  date: '日期',
  null: '空值',
  undefined: '空',
};

/** What a value is, in words an editor knows: 文字「…」, 数字 2.5, 列表, 键值, 空值. */
function received(input: unknown): string {
  if (input === null || input === undefined) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'string') return `文字「${input.length > 20 ? `${input.slice(0, 20)}…` : input}」`;
  if (typeof input === 'number' || typeof input === 'boolean') return `${TYPE_NAMES[typeof input]} ${String(input)}`;
  if (input instanceof Date) return `日期 ${input.toISOString().slice(0, 10)}`;
  if (typeof input === 'object') return '键值（key: value）';
  return typeof input;
}

/** The Chinese message of a zod issue (the problem only; describe() adds the key and the fix). */
function chineseMessage(issue: z.core.$ZodRawIssue): string {
  const size = (origin: string | undefined, bound: unknown, more: boolean) => {
    const n = String(bound);
    if (origin === 'string') return more ? `不能超过 ${n} 个字符` : Number(bound) <= 1 ? '不能为空' : `至少 ${n} 个字符`;
    if (origin === 'array' || origin === 'set') return more ? `不能超过 ${n} 项` : `至少要有 ${n} 项`;
    return more ? `应不大于 ${n}` : `应不小于 ${n}`;
  };
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际是${received(issue.input)}`;
    case 'too_small':
      return size(issue.origin, issue.minimum, false);
    case 'too_big':
      return size(issue.origin, issue.maximum, true);
    case 'invalid_value':
      return `「${String(issue.input)}」不是可用的值，应为 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_format':
      return issue.format === 'url' ? '应为完整网址（以 https:// 开头）' : issue.format === 'regex' ? `「${String(issue.input)}」的格式不对` : `「${String(issue.input)}」不是有效的 ${issue.format}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `有未知的键 ${issue.keys.join('、')}`;
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
    default:
      return `${received(issue.input)} 不符合要求`;
  }
}

/** The keys an object schema allows at `path` (optional, default and arrays looked through). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType | undefined = schema;
  const unwrap = (current: z.core.$ZodType | undefined) => {
    let inner = current;
    for (let guard = 0; inner && guard < 10; guard++) {
      const def = inner._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
      const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
      if (!next) break;
      inner = next;
    }
    return inner;
  };
  for (const key of path) {
    node = unwrap(node);
    const def = node?._zod.def as { type?: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType } | undefined;
    node = def?.type === 'object' ? def.shape?.[String(key)] : def?.type === 'array' ? def.element : undefined;
  }
  const def = unwrap(node)?._zod.def as { type?: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function keyName(path: PropertyKey[], fields: Context['fields']): string {
  const key = path.map(String).join('.');
  const label = fields[String(path[0] ?? '')]?.label;
  return label ? `${key}（${label}）` : key || '元数据';
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The known key closest to a misspelt one (edit distance ≤ 3), for "did you mean". */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
