// Reconciles the 目录 with the documents found: by 发文字号, in 目录 order, reporting every entry or document without a partner.
import { formatDocNumber } from '../gazette/doc-number.ts';
import type { Contents, ContentsEntry } from './parse-contents.ts';
import type { DocHeading } from './split-documents.ts';
import { compactTitle } from '../gazette/titles.ts';
import type { Notes } from './review-notes.ts';

export interface Reconciled {
  /** heading indexes in the order of the 目录 (contents) */
  order: number[];
  /** the 目录 entry of each heading, when there is one */
  entryOf: Map<number, ContentsEntry>;
  /** entries with no document */
  orphans: ContentsEntry[];
}

export function contentsByNumber(contents: Contents, notes: Notes): Map<string, ContentsEntry> {
  const byNumber = new Map<string, ContentsEntry>();
  for (const entry of contents.entries) {
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
      if (entry.title && compactTitle(entry.title) !== compactTitle(heading.title)) {
        notes.warn(heading.titleLines[0]?.n ?? heading.numberLine.n, 'import-contents', `目录标题「${entry.title}」（第 ${entry.line} 行）与正文标题「${heading.title}」不同：采用正文标题，请核对`);
      }
      if (entry.printed !== key) notes.info(entry.line, 'import-contents', `目录中的发文字号 ${entry.printed} 写作 ${key}`);
    } else if (contents.entries.length > 0) {
      notes.warn(heading.numberLine.n, 'import-contents', `正文中的 ${key} 不在目录中：按它在正文中的位置排入目录，栏目和页码是推断的，请核对`);
    }
  });

  const orphans = contents.entries.filter((entry) => !paired.has(entry));
  for (const entry of orphans) {
    notes.warn(entry.line, 'import-contents', `目录列出 ${formatDocNumber(entry.number)}「${entry.title}」，但正文中没有找到它的标题和发文字号行：请核对原文是否缺页，或文号行是否抽取损坏`);
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
  return { order, entryOf, orphans };
}
