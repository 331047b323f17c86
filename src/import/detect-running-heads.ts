// Finds running heads and page-number lines: 栏目 names standing alone, and short lines that recur at page breaks.
import type { GazetteConfig } from '../content/schema.ts';
import {
  attachmentLabelOf,
  CHINESE_DATE,
  CONTINUATION_START,
  docNumberOfLine,
  endsSentence,
  isOrganLine,
  isTableRow,
  markerOf,
  pageNumberOfLine,
  SPACES,
  type RawLine,
} from './line-patterns.ts';
import type { Notes } from './review-notes.ts';

export interface RunningHeads {
  /** line index → what it was: a running head or a printed page number */
  removed: Map<number, { kind: 'head' | 'page'; text: string; page?: number }>;
  /** the distinct heads found, with how they were learned */
  heads: { text: string; count: number; learned: 'section' | 'repeated'; firstLine: number }[];
  /** printed page numbers, in text order */
  pages: { index: number; page: number }[];
}

function standalone(lines: RawLine[], index: number): boolean {
  return !lines[index - 1]?.text && !lines[index + 1]?.text;
}

/** Key under which repeated heads are counted: no spaces, digits as `#` (`永州政报 2018年第2期` on every page). */
function headKey(text: string): string {
  return text.replace(SPACES, '').replace(/\d+/g, '#');
}

const NOTHING_REMOVED: ReadonlyMap<number, unknown> = new Map();

function neighbour(lines: RawLine[], index: number, step: 1 | -1, skip: ReadonlyMap<number, unknown>): RawLine | undefined {
  for (let at = index + step; at >= 0 && at < lines.length; at += step) {
    if (skip.has(at) || !lines[at]!.text) continue;
    return lines[at];
  }
  return undefined;
}

/**
 * Look at lines[from…] (the documents, after the cover and 目录). A standalone line that is a 栏目 name (from the 目录 or
 * the config) is a running head. Another short standalone line is one when it recurs (digits aside) and at least twice
 * stands between the two halves of a split sentence — that is what a page break looks like. Standalone page numbers go too.
 */
export function detectRunningHeads(lines: RawLine[], from: number, sectionNames: string[], config: GazetteConfig, notes: Notes): RunningHeads {
  const result: RunningHeads = { removed: new Map(), heads: [], pages: [] };
  const sections = new Set(sectionNames.map((name) => name.replace(SPACES, '')));
  const byKey = new Map<string, number[]>();

  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (!text || !standalone(lines, index)) continue;
    const page = pageNumberOfLine(text);
    if (page !== undefined) {
      result.removed.set(index, { kind: 'page', text, page });
      result.pages.push({ index, page });
      notes.info(lines[index]!.n, 'import-running-head', `单独成行的页码「${text}」已删除`);
      continue;
    }
    const bare = text.replace(SPACES, '');
    if (sections.has(bare)) {
      result.removed.set(index, { kind: 'head', text: bare });
      notes.info(lines[index]!.n, 'import-running-head', `栏目名「${bare}」单独成行，是页眉：已删除`);
      continue;
    }
    if (!candidate(text, lines, index, config)) continue;
    const key = headKey(text);
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  }

  for (const indexes of byKey.values()) {
    if (indexes.length < 2) continue;
    const atBreaks = indexes.filter((index) => {
      const before = neighbour(lines, index, -1, result.removed);
      const after = neighbour(lines, index, 1, result.removed);
      if (!before || !after) return false;
      const splitSentence = !endsSentence(before.text) && !CHINESE_DATE.test(before.text.replace(SPACES, '')) && !isOrganLine(before.text, config);
      return splitSentence && (CONTINUATION_START.test(after.text) || !markerOf(after.text));
    });
    if (atBreaks.length < 2) continue;
    for (const index of indexes) result.removed.set(index, { kind: 'head', text: lines[index]!.text.replace(SPACES, '') });
    const first = lines[indexes[0]!]!;
    notes.warn(
      first.n,
      'import-running-head',
      `「${first.text}」单独成行出现 ${indexes.length} 次，其中 ${atBreaks.length} 次把一句话隔在两页：当作页眉删除了（第 ${indexes.map((index) => lines[index]!.n).join('、')} 行）；如果它其实是正文，请恢复`,
    );
  }

  const counts = new Map<string, { count: number; first: number }>();
  for (const [index, entry] of result.removed) {
    if (entry.kind !== 'head') continue;
    const seen = counts.get(entry.text);
    if (seen) seen.count++;
    else counts.set(entry.text, { count: 1, first: index });
  }
  for (const [text, { count, first }] of counts) {
    result.heads.push({ text, count, learned: sections.has(text) ? 'section' : 'repeated', firstLine: lines[first]!.n });
  }
  result.pages.sort((a, b) => a.index - b.index);
  return result;
}

/** Could this standalone line be a running head? Short, no sentence punctuation, not a date, organ, label, number or heading. */
function candidate(text: string, lines: RawLine[], index: number, config: GazetteConfig): boolean {
  const bare = text.replace(SPACES, '');
  if (bare.length < 2 || bare.length > 24) return false;
  if (/[，。；：、,;:！？!?“”《》]/.test(bare)) return false;
  if (CHINESE_DATE.test(bare) || isOrganLine(text, config) || attachmentLabelOf(text) || docNumberOfLine(text) || markerOf(text) || isTableRow(lines[index]!.text)) return false;
  const next = neighbour(lines, index, 1, NOTHING_REMOVED);
  if (next && docNumberOfLine(next.text)) return false;
  return true;
}
