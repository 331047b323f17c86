// The friendly-error door: turns zod issues into placed vfile messages that state the problem, then the fix.
import type { VFile } from 'vfile';
import type { z } from 'zod';
import { fieldLabels } from './schema.ts';
import type { PlacedYaml } from './yaml-places.ts';
import { report, type RuleId } from './rules.ts';

/** Validate `data` against `schema`; report every issue on `file` as a fatal message. Returns the parsed value or undefined. */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: VFile,
  placeOf: PlacedYaml['placeOf'],
  ruleId: RuleId,
  /** examples that depend on the site (content/examples.ts), in place of the generic ones of `fieldLabels` */
  examples: Record<string, string> = {},
): z.infer<S> | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  const known = shape ? Object.keys(shape) : Object.keys(fieldLabels);
  for (const issue of result.error.issues) {
    for (const { reason, path, atValue } of describe(issue, data, known, examples)) {
      report(file, reason, placeOf(path, { value: atValue }), ruleId);
    }
  }
  return undefined;
}

interface Described {
  reason: string;
  path: PropertyKey[];
  atValue: boolean;
}

function describe(issue: z.core.$ZodIssue, data: unknown, known: string[], examples: Record<string, string>): Described[] {
  const path = issue.path;
  const name = keyName(path);
  const top = String(path[0] ?? '');
  const example = examples[top] ?? fieldLabels[top]?.example;

  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      const label = guess && fieldLabels[guess] ? `（${fieldLabels[guess].label}）` : '';
      const fix = guess ? `；是不是 ${guess}${label}？` : `；可用的键：${known.join('、')}`;
      return { reason: `未知的元数据键 ${key}${fix}`, path: [...path, key], atValue: false };
    });
  }
  if (issue.code === 'invalid_type' && valueAt(data, path) === undefined) {
    return [{ reason: `缺少必填字段 ${name}：请添加${example ? `，如 ${example}` : ''}`, path: path.slice(0, -1), atValue: false }];
  }
  // The fix is the key's example, unless the message already gives one.
  const fix = example && !issue.message.includes('如 ') ? `，如 ${example}` : '';
  return [{ reason: `${name} 的值有误：${issue.message}${fix}`, path, atValue: true }];
}

function keyName(path: PropertyKey[]): string {
  const key = path.map(String).join('.');
  const label = fieldLabels[String(path[0] ?? '')]?.label;
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
