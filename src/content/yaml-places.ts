// Parses YAML keeping where every key and value sits, so schema problems can be reported at file:line:column.
import { LineCounter, parseDocument, isPair, isScalar, type Node } from 'yaml';
import type { Point } from 'unist';

export interface YamlProblem {
  reason: string;
  place: Point;
}

export interface PlacedYaml {
  /** The parsed value; undefined when the YAML has errors. */
  data: unknown;
  problems: YamlProblem[];
  /** Place of a key path (the key itself, or its value with `value: true`); the nearest existing ancestor otherwise. */
  placeOf(path: readonly PropertyKey[], options?: { value?: boolean }): Point;
}

/** YAML aliases are refused outright: front matter never needs them, and they make "billion laughs" bombs possible. */
const MAX_ALIASES = 0;

/** Parse `source`, whose first line is line `firstLine` of its file. */
export function parseYamlWithPlaces(source: string, firstLine = 1): PlacedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toPoint = (offset: number): Point => {
    const pos = counter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  const start: Point = { line: Math.max(1, firstLine - 1), column: 1 };
  const problems: YamlProblem[] = doc.errors.map((error) => ({
    reason: `YAML 语法错误：${yamlErrorText(error.code, error.message)}`,
    place: toPoint(error.pos[0]),
  }));

  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
    } catch {
      problems.push({ reason: 'YAML 中使用了锚点与别名（& 和 *）：请直接写出每个值', place: start });
    }
  }

  const placeOf = (path: readonly PropertyKey[], options: { value?: boolean } = {}): Point => {
    let node: unknown = doc.contents;
    let best = start;
    for (const key of path) {
      const items = node && typeof node === 'object' && 'items' in node ? (node as { items: unknown[] }).items : undefined;
      if (!items) return best;
      let next: unknown;
      for (const [index, item] of items.entries()) {
        if (isPair(item)) {
          const keyNode = item.key as Node | null;
          if (isScalar(keyNode) && keyNode.value === key) {
            if (keyNode.range) best = toPoint(keyNode.range[0]);
            next = item.value ?? undefined;
            break;
          }
        } else if (index === key) {
          next = item;
          break;
        }
      }
      if (next === undefined) return best;
      node = next;
      const range = (node as Node).range;
      if (range && (options.value || typeof key === 'number')) best = toPoint(range[0]);
    }
    return best;
  };

  return { data, problems, placeOf };
}

function yamlErrorText(code: string, message: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: '同一个键出现了两次，请删除重复的一行',
    BAD_INDENT: '缩进不正确，请用空格对齐（不要用 Tab）',
    TAB_AS_INDENT: '缩进使用了 Tab，请改用空格',
    MISSING_CHAR: '缺少字符（如引号或括号未闭合），请检查这一行',
    BLOCK_AS_IMPLICIT_KEY: '键值写法有误，请检查冒号后是否有空格',
    MULTILINE_IMPLICIT_KEY: '键值写法有误：键不能跨行，请检查冒号和引号',
    UNEXPECTED_TOKEN: '出现意外字符，请检查这一行的引号、冒号和缩进',
    ALIAS_PROPS: '不支持锚点与别名（& 和 *），请直接写出值',
  };
  return known[code] ?? `${message.split('\n')[0]}（请检查这一行的冒号、引号和缩进）`;
}
