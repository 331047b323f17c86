// Rebuilds tables that extraction wrote one cell per line (序号, header cells, then 1, cells, 2, cells …) from the header's width; keeps other runs of cells as read, for review.
import { attachmentLabelOf, CHINESE_DATE, compact, isOrganLine, markerOf } from './line-patterns.ts';
import type { GazetteConfig } from '../content/schema.ts';
import { convertTable, linesAsTable, type TableRow } from './convert-tables.ts';
import { normalizeChinese } from './normalize-text.ts';
import type { Segment } from './segment-body.ts';
import type { Notes } from './review-notes.ts';

/** The first header cell of a table with a serial-number column. */
const SERIAL_HEADER = /^(?:序号|编号|序列)$/u;
/** A header cell: a short label without sentence punctuation. */
const HEADER_CELL = /^[^。；，、：:;,]{1,16}$/u;
const MAX_COLUMNS = 10;

export interface CellTable {
  markdown: string;
  /** the raw segments the table was read from */
  segs: Segment[];
  /** why the table needs review: left in the body as a 待核对 comment */
  review: string;
}

function serialOf(seg: Segment | undefined): number | undefined {
  const match = seg && /^(\d{1,3})[.．、]?$/u.exec(compact(seg.text));
  return match ? Number(match[1]) : undefined;
}

/** A line that can be a cell: not a sentence of running text (a paragraph ends in 。 and is longer than a cell). */
function cellLike(seg: Segment): boolean {
  const text = compact(seg.text);
  return text.length <= 60 && !(/[。！？]$/u.test(text) && text.length > 20);
}

/** A short line with no punctuation and no numbering: only a cell can be that. */
function plainCell(seg: Segment): boolean {
  const text = compact(seg.text);
  return text.length <= 16 && !/[\p{P}]/u.test(text.replace(/[（）()]/gu, '')) && !markerOf(text) && seg.gap !== 'page';
}

/**
 * A table at `segs[at]` written one cell per line: a serial-number header (序号), the other header cells, then rows
 * that each start with their serial number 1, 2, 3 …. The header gives the column count. When every row has that
 * many cells, the table is rebuilt (a GFM table); otherwise each row is kept as read, in an HTML table. A header
 * repeated after a page break is dropped. Either way the table is a guess: it is reported and marked for review.
 */
export function cellTableAt(segs: Segment[], at: number, notes: Notes): { table: CellTable; next: number } | undefined {
  if (!SERIAL_HEADER.test(compact(segs[at]!.text))) return undefined;
  const header: Segment[] = [segs[at]!];
  let index = at + 1;
  while (index < segs.length && serialOf(segs[index]) === undefined && header.length <= MAX_COLUMNS && HEADER_CELL.test(compact(segs[index]!.text))) {
    header.push(segs[index]!);
    index++;
  }
  const width = header.length;
  if (width < 2 || width > MAX_COLUMNS || serialOf(segs[index]) !== 1) return undefined;
  const headerKey = header.map((seg) => compact(seg.text)).join('\t');

  const rows: { serial: Segment; cells: Segment[] }[] = [];
  let repeated = 0;
  /** `from`, or past the header when it is printed again there (the top of the next page) */
  const skipHeader = (from: number) => (segs.slice(from, from + width).map((seg) => compact(seg.text)).join('\t') === headerKey ? from + width : from);
  for (let expected = 1; index < segs.length && serialOf(segs[index]) === expected; expected++) {
    const serial = segs[index]!;
    const start = index + 1;
    const cellsUpTo = (end: number) => segs.slice(start, end).every(cellLike);
    let end: number;
    if (start + width - 1 <= segs.length && serialOf(segs[skipHeader(start + width - 1)]) === expected + 1 && cellsUpTo(start + width - 1)) {
      end = start + width - 1; // a full row, and the next row follows
    } else {
      // A row with more or fewer cells than the header: up to the next serial number, if one follows soon.
      let next = start;
      while (next < Math.min(segs.length, start + 3 * width) && serialOf(segs[next]) !== expected + 1 && cellLike(segs[next]!)) next++;
      if (next < segs.length && serialOf(segs[next]) === expected + 1 && next > start) end = next;
      else {
        // The last row: the header's width, and up to two more short lines that are plainly cells too (a cell broken
        // in two), not a numbered heading or a sentence after the table.
        end = start;
        while (end < segs.length && end - start < width - 1 && cellLike(segs[end]!)) end++;
        while (end < segs.length && end - start < width + 1 && end - start >= width - 1 && plainCell(segs[end]!)) end++;
      }
    }
    rows.push({ serial, cells: segs.slice(start, end) });
    index = skipHeader(end);
    if (index !== end) {
      notes.info(segs[end]!.line, 'import-table', '跨页重复的表头行已删除');
      repeated++;
    }
  }
  if (rows.length < 2) return undefined;

  const tableRows: TableRow[] = [
    { line: header[0]!.line, cells: header.map((seg) => ({ lines: [normalizeChinese(seg.text)], header: true })) },
    ...rows.map((row) => ({ line: row.serial.line, cells: [row.serial, ...row.cells].map((seg) => ({ lines: [normalizeChinese(seg.text)] })) })),
  ];
  const irregular = rows.filter((row) => row.cells.length !== width - 1);
  const used = segs.slice(at, index);
  const converted = convertTable(tableRows, notes);
  if (converted.format === 'gfm') {
    const review = `表格由一格一行的抽取文本按表头的 ${width} 列重建（${rows.length} 行），请对照印刷件核对`;
    notes.warn(header[0]!.line, 'import-table', `${review}${repeated ? `；跨页重复的表头已删除 ${repeated} 次` : ''}`);
    return { table: { markdown: converted.markdown, segs: used, review }, next: index };
  }
  // Kept as HTML (rows of another width than the header): convertTable has warned at the table and at each such row.
  const review = `表格一格一行抽取，${irregular.length} 行的单元格数与表头的 ${width} 列不符（第 ${irregular.map((row) => row.serial.line).join('、')} 行起），按抽取所得保留为 HTML 表格，请对照印刷件改正`;
  return { table: { markdown: converted.markdown, segs: used, review }, next: index };
}

/** How many short cell-like lines in a row make a table that was written one cell per line (a 落款 has at most 6). */
const MIN_CELL_RUN = 8;

/**
 * A line that can only be a table cell: short, not a sentence or clause, not numbered, not `- ` debris, and none of
 * what else stands alone on a short line: a serial number (cellTableAt's tables), a date (a 落款's), an attachment
 * label, a name list's `姓名　单位`. Organ names are cells too (牵头单位): the run gives back those of a 落款.
 */
function bareCell(seg: Segment): boolean {
  const text = compact(seg.text);
  return (
    text.length > 0 &&
    text.length <= 20 &&
    !/[。；：:;，、！？!?]/u.test(text) &&
    !/^\d+[.．、]?$/u.test(text) &&
    !markerOf(text) &&
    !seg.dash &&
    !/\S[ \u3000\t]+\S/u.test(seg.text.trim()) &&
    !CHINESE_DATE.test(text) &&
    !attachmentLabelOf(text)
  );
}

/**
 * A run of at least MIN_CELL_RUN short cell-like lines with no 序号 column to rebuild it by (cellTableAt): extraction
 * wrote a table one cell per line, and its columns cannot be known. It is kept as read, one cell per line in an HTML
 * table, with a review note: never run together into paragraphs.
 */
export function cellRunAt(segs: Segment[], at: number, config: GazetteConfig, notes: Notes): { table: CellTable; next: number } | undefined {
  if (at > 0 && bareCell(segs[at - 1]!) && segs[at]!.gap !== 'blank') return undefined; // not the start of a run
  let end = at;
  while (end < segs.length && bareCell(segs[end]!) && (end === at || segs[end]!.gap !== 'blank')) end++;
  // The organs of a 落款 right after the table (their date ends the run) are not cells.
  if (end < segs.length && CHINESE_DATE.test(compact(segs[end]!.text))) {
    while (end > at && isOrganLine(segs[end - 1]!.text, config)) end--;
  }
  if (end - at < MIN_CELL_RUN) return undefined;
  const used = segs.slice(at, end);
  const review = `第 ${used[0]!.line}–${used.at(-1)!.line} 行是 ${used.length} 个一格一行的短行，像是抽取时拆散的表格，但没有序号列可据以分列：按抽取所得每行一格保留为 HTML 表格，请对照印刷件重建表格`;
  notes.warn(used[0]!.line, 'import-table', review);
  return { table: { markdown: linesAsTable(used.map((seg) => normalizeChinese(seg.text))), segs: used, review }, next: end };
}
