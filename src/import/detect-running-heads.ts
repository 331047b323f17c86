// Finds running heads and page marks: 栏目 names, page marks (·N· －N－ - N - 第N页), and short lines that recur at page breaks.
import type { GazetteConfig } from '../content/schema.ts';
import { issuerForCode } from '../gazette/doc-number.ts';
import { parsePrintedLabels } from '../gazette/issue-address.ts';
import {
  attachmentLabelOf,
  CHINESE_DATE,
  CONTINUATION_START,
  docNumberOfLine,
  endsSentence,
  isOrganLine,
  isTableRow,
  markerOf,
  pageMarkOf,
  registrationOfLine,
  type PageMark,
  SPACES,
  type RawLine,
} from './line-patterns.ts';
import { nearestTextLine } from './line-search.ts';
import type { Notes } from './review-notes.ts';

export interface RunningHeads {
  /** line index → what it was: a running head or a printed page mark */
  removed: Map<number, { kind: 'head' | 'page'; text: string; page?: number }>;
  /** lines a running head was cut out of (extraction ran it into the text): index → the line without it */
  edits: Map<number, string>;
  /** the distinct heads found, with how they were learned */
  heads: { text: string; count: number; learned: 'section' | 'repeated'; firstLine: number }[];
  /** printed page numbers, in text order */
  pages: { index: number; page: number }[];
}

function blank(lines: RawLine[], index: number): boolean {
  return !lines[index]?.text;
}

/** Key under which repeated heads are counted: no spaces, digits as `#` (`永州政报 2018年第2期 ·3·` on every page). */
function headKey(text: string): string {
  return text.replace(SPACES, '').replace(/\d+/g, '#');
}

/** A short line of table cells or a name list: what stands around a serial number `3` that is not a page number. */
function cellLike(line: RawLine): boolean {
  return line.text.replace(SPACES, '').length <= 16 && !endsSentence(line.text);
}

/**
 * Look at lines[from…] (the documents, after the cover and 目录).
 * - A page mark is a line that is only a decorated page number (`·3·`, `－3－`, `- 3 -`, `第3页`), or a bare number
 *   standing between blank lines (not among table cells).
 * - A 栏目 name (from the 目录 or the config) standing alone or next to a page mark is a running head.
 * - Another short line is one when it recurs (digits aside) and stands at page breaks — next to a page mark, carrying
 *   one, or between the two halves of a split sentence — at least twice and for most of its occurrences; or when it
 *   recurs three times and carries the gazette's name or an issue label. It may carry the issue number or page mark.
 * - A learned head that extraction ran into a line of text is cut out of it (`edits`).
 */
export function detectRunningHeads(lines: RawLine[], from: number, sectionNames: string[], config: GazetteConfig, notes: Notes): RunningHeads {
  const result: RunningHeads = { removed: new Map(), edits: new Map(), heads: [], pages: [] };
  const sections = new Set(sectionNames.map((name) => name.replace(SPACES, '')));
  const byKey = new Map<string, number[]>();

  // Page marks first: the breaks they show are the evidence for everything else. A bare number is one only standing
  // between blank lines, and not as a serial number of a table written one cell per line (3 after 2, among cells).
  // The page mark of every line (read once: a learned head may carry one too).
  const lineMarks: (PageMark | undefined)[] = [];
  const marks: { index: number; page: number; decorated: boolean }[] = [];
  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (!text) continue;
    const mark = (lineMarks[index] = pageMarkOf(text));
    if (!mark || mark.rest !== undefined) continue;
    if (mark.decorated || (blank(lines, index - 1) && blank(lines, index + 1))) marks.push({ index, page: mark.page, decorated: mark.decorated });
  }
  const serial = (at: number) => {
    const { index, page } = marks[at]!;
    return [marks[at - 1], marks[at + 1]].some((other) => {
      if (!other || other.decorated || Math.abs(other.page - page) !== 1) return false;
      const between = lines.slice(Math.min(index, other.index) + 1, Math.max(index, other.index)).filter((line) => line.text);
      return between.length <= 12 && between.every((line) => cellLike(line));
    });
  };
  for (const [at, { index, page, decorated }] of marks.entries()) {
    if (!decorated && serial(at)) continue;
    const text = lines[index]!.text;
    result.removed.set(index, { kind: 'page', text, page });
    result.pages.push({ index, page });
    notes.info(lines[index]!.n, 'import-running-head', `页码行「${text}」已删除`);
  }
  /** A page mark right before or after the line, or one blank line away. */
  const nextToMark = (index: number) =>
    ([-1, 1] as const).some((step) => {
      const at = blank(lines, index + step) ? index + 2 * step : index + step;
      return result.removed.get(at)?.kind === 'page';
    });

  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (!text || result.removed.has(index)) continue;
    const bare = text.replace(SPACES, '');
    if (sections.has(bare) && ((blank(lines, index - 1) && blank(lines, index + 1)) || nextToMark(index))) {
      result.removed.set(index, { kind: 'head', text: bare });
      notes.info(lines[index]!.n, 'import-running-head', `栏目名「${bare}」单独成行，是页眉：已删除`);
      continue;
    }
    if (!candidate(text, lineMarks[index], lines, index, config)) continue;
    const key = headKey(text);
    const found = byKey.get(key);
    if (found) found.push(index);
    else byKey.set(key, [index]);
  }

  const learned: { indexes: number[]; atBreaks: number }[] = [];
  const name = config.name.replace(SPACES, '');
  // Strong evidence first (a page mark), then split sentences, with the heads found so far skipped over.
  for (const strong of [true, false]) {
    for (const [key, indexes] of byKey) {
      if (indexes.length < 2 || result.removed.has(indexes[0]!)) continue;
      const atBreaks = indexes.filter((index) => {
        if (lineMarks[index]?.rest !== undefined || nextToMark(index)) return true;
        if (strong) return false;
        const before = nearestTextLine(lines, index, -1, result.removed);
        const after = nearestTextLine(lines, index, 1, result.removed);
        if (!before || !after) return false;
        // Not among the short cells of a table written one cell per line, where a value that recurs (冷水滩区, 市住建局)
        // would otherwise look like a head between two halves of a sentence.
        const amongCells = cellLike(before) && cellLike(after);
        const splitSentence = !amongCells && !endsSentence(before.text) && !CHINESE_DATE.test(before.text.replace(SPACES, '')) && !isOrganLine(before.text, config);
        return splitSentence && (CONTINUATION_START.test(after.text) || !markerOf(after.text));
      }).length;
      const ownName = indexes.length >= 3 && (key.includes(name) || parsePrintedLabels(lines[indexes[0]!]!.text).issue !== undefined);
      // Most of its occurrences stand at page breaks (a title that recurs, digits aside, stands mostly elsewhere).
      if ((atBreaks < 2 || atBreaks * 2 < indexes.length) && !(ownName && !strong)) continue;
      for (const index of indexes) {
        const mark = lineMarks[index];
        result.removed.set(index, { kind: 'head', text: lines[index]!.text.replace(SPACES, ''), ...(mark ? { page: mark.page } : {}) });
        if (mark) result.pages.push({ index, page: mark.page });
      }
      learned.push({ indexes, atBreaks });
    }
  }
  for (const { indexes, atBreaks } of learned) {
    const first = lines[indexes[0]!]!;
    notes.warn(
      first.n,
      'import-running-head',
      `「${first.text}」单独成行出现 ${indexes.length} 次，其中 ${atBreaks} 次在分页处（页码旁，或把一句话隔在两页）：当作页眉删除了（第 ${indexes.map((index) => lines[index]!.n).join('、')} 行）；如果它其实是正文，请恢复`,
    );
  }
  cutRunIn(lines, from, learned.map(({ indexes }) => lines[indexes[0]!]!.text), result, notes);

  const counts = new Map<string, { count: number; first: number }>();
  for (const [index, entry] of result.removed) {
    if (entry.kind !== 'head') continue;
    const key = headKey(entry.text);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { count: 1, first: index });
  }
  for (const [, { count, first }] of counts) {
    const text = result.removed.get(first)!.text;
    result.heads.push({ text, count, learned: sections.has(text) ? 'section' : 'repeated', firstLine: lines[first]!.n });
  }
  result.heads.sort((a, b) => a.firstLine - b.firstLine);
  result.pages.sort((a, b) => a.index - b.index);
  return result;
}

/** A learned head that extraction ran into a line of text (at its start, its end or inside it) is cut out. */
function cutRunIn(lines: RawLine[], from: number, heads: string[], result: RunningHeads, notes: Notes): void {
  const patterns = heads.map((head) => head.replace(SPACES, '')).filter((head) => head.replace(/[\d·・\-－—–•第页]/gu, '').length >= 6).map(headPattern);
  if (patterns.length === 0) return;
  for (let index = from; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (!text || result.removed.has(index)) continue;
    let cut = text;
    for (const pattern of patterns) cut = cut.replace(pattern, '');
    if (cut === text) continue;
    cut = cut.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '');
    if (!cut) {
      result.removed.set(index, { kind: 'head', text: text.replace(SPACES, '') });
      continue;
    }
    result.edits.set(index, cut);
    notes.warn(lines[index]!.n, 'import-running-head', `这一行里夹着页眉「${text.replace(cut, '').replace(SPACES, '') || text}」（抽取时与正文连在了一起）：已删去，请核对`);
  }
}

/** A head as a pattern that finds it inside a line: spaces optional, any page or issue number where it has digits. */
function headPattern(head: string): RegExp {
  const tokens = head.match(/\d+|./gu) ?? [];
  return new RegExp(tokens.map((token) => (/^\d+$/.test(token) ? '\\d+' : token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('[ \\t\\u3000]*'), 'gu');
}

/** Could this line (with its page mark) be a running head? Short, no sentence punctuation, not a date, organ, label, 发文字号, numbering or cell. */
function candidate(text: string, mark: PageMark | undefined, lines: RawLine[], index: number, config: GazetteConfig): boolean {
  const words = mark?.rest ?? text;
  const bare = words.replace(SPACES, '');
  // A head names the gazette, its 栏目 or its issue: words, not a number or a date in a table cell (12.8, 2022年10月).
  if (bare.length > 40 || (bare.match(/\p{Script=Han}/gu)?.length ?? 0) < 4) return false;
  if (/[，。；：、,;:！？!?“”《》]/.test(bare)) return false;
  if (CHINESE_DATE.test(bare) || isOrganLine(words, config) || attachmentLabelOf(words) || markerOf(words) || registrationOfLine(words) || isTableRow(lines[index]!.text)) return false;
  // A 发文字号 of a configured 机关代字 is a heading's; `某某市人民政府公报 2020年第2号` (a head with the issue number) is not.
  const number = docNumberOfLine(words);
  if (number && issuerForCode(config.issuers, number.code)) return false;
  return true;
}
