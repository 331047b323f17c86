// Compares an imported issue with a committed one, paragraph by paragraph (each rendered to HTML), per document.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { renderDocument } from '../../../src/markdown/render-document.ts';
import type { ImportedDocument } from '../../../src/import/import-issue.ts';

/** One comparable unit: a paragraph, heading, list item or table, as rendered HTML. */
export interface Unit {
  html: string;
  markdown: string;
  /** raw lines the unit came from (imported units only) */
  line?: number;
  end?: number;
}

export interface Hunk {
  committed: Unit[];
  imported: Unit[];
  /** raw-line range a review note must fall in to cover this difference */
  from: number;
  to: number;
}

export interface DocumentComparison {
  slug: string;
  committedUnits: number;
  identical: number;
  hunks: Hunk[];
  /** front-matter keys whose values differ: key → [committed, imported] */
  frontMatter: Record<string, [unknown, unknown]>;
  /** raw-line range of the whole document */
  from: number;
  to: number;
}

function render(markdown: string): string {
  return renderDocument({ path: 'unit.md', body: markdown }).html.trim();
}

/** Split a Markdown body into units: blocks separated by blank lines, lists into their items. */
export function units(body: string, ranges?: { markdown: string; line: number; end: number }[]): Unit[] {
  const blocks = ranges ?? body.split(/\n{2,}/).map((markdown) => ({ markdown, line: 0, end: 0 }));
  return blocks.flatMap((block) => {
    const text = block.markdown.trim();
    if (!text) return [];
    const pieces = /^- /.test(text) ? text.split('\n').filter((line) => line.trim()) : [text];
    // A comment (`<!-- 待核对：… -->`) renders to nothing: it is not a paragraph.
    return pieces.map((markdown) => ({ markdown, html: render(markdown), ...(ranges ? { line: block.line, end: block.end } : {}) })).filter((unit) => unit.html !== '');
  });
}

/** Longest common subsequence alignment of two unit lists by their HTML. */
function align(a: Unit[], b: Unit[]): [number, number][] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i]!.html === b[j]!.html ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.html === b[j]!.html) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

export function compareDocument(committedFile: string, imported: ImportedDocument): DocumentComparison {
  const parsed = matter(readFileSync(committedFile, 'utf8'));
  const committed = units(parsed.content);
  const mine = units(imported.body, imported.blocks);
  const from = imported.heading.titleLines[0]?.n ?? imported.heading.numberLine.n;
  const to = Math.max(imported.heading.numberLine.n, ...mine.map((unit) => unit.end ?? 0));
  const pairs = [...align(committed, mine), [committed.length, mine.length] as [number, number]];
  const hunks: Hunk[] = [];
  let ci = 0;
  let mi = 0;
  for (const [cj, mj] of pairs) {
    if (cj > ci || mj > mi) {
      const importedUnits = mine.slice(mi, mj);
      const before = mine[mi - 1]?.end ?? from;
      const after = mine[mj]?.line ?? to;
      hunks.push({
        committed: committed.slice(ci, cj),
        imported: importedUnits,
        from: importedUnits.length > 0 ? Math.min(...importedUnits.map((unit) => unit.line!)) : before,
        to: importedUnits.length > 0 ? Math.max(...importedUnits.map((unit) => unit.end!)) : after,
      });
    }
    ci = cj + 1;
    mi = mj + 1;
  }
  const frontMatter: Record<string, [unknown, unknown]> = {};
  const committedData = parsed.data as Record<string, unknown>;
  const importedData = imported.data as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(committedData), ...Object.keys(importedData)])) {
    const a = committedData[key] instanceof Date ? (committedData[key] as Date).toISOString().slice(0, 10) : committedData[key];
    const b = importedData[key];
    if (b === undefined && a === undefined) continue;
    if (JSON.stringify(a) !== JSON.stringify(b)) frontMatter[key] = [a, b];
  }
  return { slug: imported.slug, committedUnits: committed.length, identical: pairs.length - 1, hunks, frontMatter, from, to };
}

/** Compare every imported document with the committed file of the same name in `folder`. */
export function compareIssue(folder: string, documents: ImportedDocument[]): DocumentComparison[] {
  return documents.map((document) => compareDocument(path.join(folder, `${document.slug}.md`), document));
}
