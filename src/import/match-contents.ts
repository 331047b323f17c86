// Reconciles the 目录 with the documents found: by 发文字号, in 目录 order, reporting every entry or document without a partner.
import { formatDocNumber } from '../gazette/doc-number.ts';
import type { Contents, ContentsEntry } from './parse-contents.ts';
import type { DocHeading } from './split-documents.ts';
import { compactTitle } from '../gazette/titles.ts';
import { ORGAN_AT_START } from '../gazette/conventions.ts';
import type { Notes } from './review-notes.ts';

export interface Reconciled {
  /** heading indexes in the order of the 目录 (contents) */
  order: number[];
  /** the 目录 entry of each heading, when there is one */
  entryOf: Map<number, ContentsEntry>;
  /** entries with no document */
  orphans: ContentsEntry[];
  /** headings paired by title (a 目录 without 发文字号): heading index → the titles' similarity, 0–1 */
  similarity: Map<number, number>;
}

/** Entries are compared with the documents this many places before or after their own place in the 目录. */
const WINDOW = 8;
/** Below this similarity a title is not taken as the same. */
const MIN_SIMILARITY = 0.6;

/** A title as the 目录 and the heading both print it: compact, and from 关于 on when an organ's name comes first. */
export function titleCore(title: string): string {
  const compact = compactTitle(title);
  const about = compact.indexOf('关于');
  return about > 0 && ORGAN_AT_START.test(compact.slice(0, about)) ? compact.slice(about) : compact;
}

/** Similarity of two titles, 0–1: twice their longest common subsequence over their total length (1 when equal). */
export function titleSimilarity(a: string, b: string): number {
  const x = [...titleCore(a)];
  const y = [...titleCore(b)];
  if (x.length === 0 || y.length === 0) return 0;
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const char of x) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 0; j < y.length; j++) row[j + 1] = char === y[j] ? previous[j]! + 1 : Math.max(previous[j + 1]!, row[j]!);
    previous = row;
  }
  return (2 * previous[y.length]!) / (x.length + y.length);
}

export function contentsByNumber(contents: Contents, notes: Notes): Map<string, ContentsEntry> {
  const byNumber = new Map<string, ContentsEntry>();
  for (const entry of contents.entries) {
    if (!entry.number) continue;
    const key = formatDocNumber(entry.number);
    if (byNumber.has(key)) notes.warn(entry.line, 'import-contents', `目录中 ${key} 出现了两次：只用第一条`);
    else byNumber.set(key, entry);
  }
  return byNumber;
}

/** Pair headings with 目录 entries. When fewer than half pair up, an `import-contents` error stops the import. */
export function matchContents(headings: DocHeading[], contents: Contents, notes: Notes): Reconciled {
  const byNumber = contentsByNumber(contents, notes);
  const entryOf = new Map<number, ContentsEntry>();
  const paired = new Set<ContentsEntry>();
  const seen = new Set<string>();
  headings.forEach((heading, index) => {
    const key = formatDocNumber(heading.number);
    if (seen.has(key)) notes.warn(heading.numberLine.n, 'import-heading', `发文字号 ${key} 在正文中第二次单独成行：按一篇新文件处理，请核对是否重复`);
    seen.add(key);
    const entry = byNumber.get(key);
    if (entry && !paired.has(entry)) {
      entryOf.set(index, entry);
      paired.add(entry);
      if (entry.title && titleCore(entry.title) !== titleCore(heading.title)) {
        notes.warn(heading.titleLines[0]?.n ?? heading.numberLine.n, 'import-contents', `目录标题「${entry.title}」（第 ${entry.line} 行）与正文标题「${heading.title}」不同：采用正文标题，请核对`);
      }
      if (entry.printed !== key) notes.info(entry.line, 'import-contents', `目录中的发文字号 ${entry.printed} 写作 ${key}`);
    }
  });

  const similarity = pairByTitle(headings, contents.entries, entryOf, paired, notes);
  if (contents.entries.length > 0) {
    headings.forEach((heading, index) => {
      if (!entryOf.has(index)) notes.warn(heading.numberLine.n, 'import-contents', `正文中的 ${formatDocNumber(heading.number)} 不在目录中：按它在正文中的位置排入目录，栏目和页码是推断的，请核对`);
    });
  }

  const orphans = contents.entries.filter((entry) => !paired.has(entry));
  for (const entry of orphans) {
    notes.warn(entry.line, 'import-contents', `目录列出 ${entry.number ? formatDocNumber(entry.number) : ''}「${entry.title}」，但正文中没有找到它的标题和发文字号行：请核对原文是否缺页，或文号行是否抽取损坏`);
  }

  // 目录 order; a document missing from the 目录 follows the document before it in the text.
  const position = new Map(contents.entries.map((entry, at) => [entry, at]));
  const rank = (index: number): number => {
    const entry = entryOf.get(index);
    if (entry) return position.get(entry)!;
    for (let before = index - 1; before >= 0; before--) {
      const previous = entryOf.get(before);
      if (previous) return position.get(previous)! + 0.5 + index / 1000;
    }
    return -1 + index / 1000;
  };
  const order = headings.map((_, index) => index).sort((a, b) => rank(a) - rank(b));
  if (order.some((value, position) => value !== position)) {
    notes.warn(headings[order.findIndex((value, position) => value !== position)]?.numberLine.n ?? 1, 'import-contents', '正文中文件的先后与目录不同：contents 按目录顺序排列，请核对');
  }
  const matched = entryOf.size;
  if (contents.entries.length > 0 && headings.length > 0 && matched < Math.ceil(headings.length / 2)) {
    notes.error(
      contents.line ?? contents.entries[0]!.line,
      'import-contents',
      `目录与正文对不上：目录 ${contents.entries.length} 条，正文 ${headings.length} 篇，只有 ${matched} 篇的发文字号一致，无法自动对齐。请核对 --config 中的机关代字，或原文的目录与文号行`,
    );
  }
  return { order, entryOf, orphans, similarity };
}

/**
 * Pair the entries without a 发文字号 (a title-only 目录) with the headings left, by title:
 * each with the documents near its own place, most similar first. Every pairing is noted with its similarity; one
 * below 1 is a warning.
 */
function pairByTitle(headings: DocHeading[], entries: ContentsEntry[], entryOf: Map<number, ContentsEntry>, paired: Set<ContentsEntry>, notes: Notes): Map<number, number> {
  const similarity = new Map<number, number>();
  const openEntries = entries.filter((entry) => !paired.has(entry) && !entry.number && entry.title);
  const openHeadings = headings.map((_, index) => index).filter((index) => !entryOf.has(index));
  if (openEntries.length === 0 || openHeadings.length === 0) return similarity;
  const candidates: { entry: number; heading: number; score: number }[] = [];
  openEntries.forEach((entry, at) => {
    const from = Math.max(0, Math.floor((at * openHeadings.length) / openEntries.length) - WINDOW);
    for (let place = from; place < Math.min(openHeadings.length, from + 2 * WINDOW + 1); place++) {
      const score = titleSimilarity(entry.title, headings[openHeadings[place]!]!.title);
      if (score >= MIN_SIMILARITY) candidates.push({ entry: at, heading: openHeadings[place]!, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.entry - b.entry);
  const taken = new Set<number>();
  for (const { entry: at, heading: index, score } of candidates) {
    const entry = openEntries[at]!;
    if (paired.has(entry) || taken.has(index)) continue;
    paired.add(entry);
    taken.add(index);
    entryOf.set(index, entry);
    similarity.set(index, score);
    const heading = headings[index]!;
    const text = `目录条目「${entry.title}」（第 ${entry.line} 行）没有发文字号，按标题与正文第 ${heading.numberLine.n} 行的 ${formatDocNumber(heading.number)} 对应（标题相似度 ${score.toFixed(2)}）`;
    if (score < 1) notes.warn(entry.line, 'import-contents', `${text}：两处标题不完全相同，请核对是否为同一篇`);
    else notes.info(entry.line, 'import-contents', text);
  }
  return similarity;
}
