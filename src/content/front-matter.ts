// Splits a content file into YAML front matter and Markdown body (gray-matter), keeping line/column places for every key.
import matter from 'gray-matter';
import type { VFile } from 'vfile';
import type { Point } from 'unist';
import { parseYamlWithPlaces, type PlacedYaml } from './yaml-places.ts';
import { report } from './rules.ts';

export interface FrontMatter {
  /** Parsed YAML value (undefined when the front matter is missing or broken). */
  data: unknown;
  /** The Markdown body with the front-matter lines blanked, so body positions are file positions. */
  body: string;
  placeOf: PlacedYaml['placeOf'];
}

const FENCE = /^---[ \t]*$/;
const START: Point = { line: 1, column: 1 };

/**
 * Parse the front matter of `file` (decoded text, LF line endings).
 * Problems become fatal messages on `file` (`front-matter-missing`, `front-matter-unclosed`, `front-matter-yaml`).
 */
export function parseFrontMatter(file: VFile): FrontMatter {
  const text = String(file.value);
  const lines = text.split('\n');
  const none: FrontMatter = { data: undefined, body: text, placeOf: () => START };

  if (!FENCE.test(lines[0] ?? '')) {
    report(file, '缺少前置元数据：文件应以一行 --- 开头，写完元数据后再以一行 --- 结束', START, 'front-matter-missing');
    return none;
  }
  if (!lines.some((line, index) => index > 0 && FENCE.test(line))) {
    report(file, '前置元数据没有结束：请在元数据之后加一行 ---', START, 'front-matter-unclosed');
    return { ...none, body: '' };
  }

  // gray-matter splits; the YAML itself is parsed with places (its default engine would lose them).
  // The YAML gray-matter hands over starts with the newline that ends the opening fence, so its line 1 is file line 1.
  let placed: PlacedYaml | undefined;
  const parsed = matter(text, {
    engines: {
      yaml: (source: string) => {
        placed = parseYamlWithPlaces(source, 1);
        return {};
      },
    },
  });
  placed ??= parseYamlWithPlaces("", 1);
  for (const problem of placed.problems) report(file, `元数据${problem.reason}`, problem.place, 'front-matter-yaml');

  // Blank the front-matter lines (keep the newlines) so positions in the body are positions in the file.
  const prefix = text.slice(0, text.length - parsed.content.length);
  const body = prefix.replace(/[^\n]/g, '') + parsed.content;
  return { data: placed.data, body, placeOf: placed.placeOf };
}

