// Converts extracted tables (tab-separated rows, or raw HTML) to GFM when rectangular, else to sanitized HTML with shifted rows reported.
import { normalizeChinese } from './normalize-text.ts';
import type { Notes } from './review-notes.ts';

export interface TableRow {
  /** 1-based raw line of the row */
  line: number;
  cells: TableCell[];
}

export interface TableCell {
  /** cell text as lines (joined with <br> on output) */
  lines: string[];
  header?: boolean;
  rowspan?: number;
  colspan?: number;
}

export interface ConvertedTable {
  markdown: string;
  format: 'gfm' | 'html';
}

const BLOCK_TAGS = /<\/?(?:p|ul|ol|li|div|br|tr|h[1-6])\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text of one extracted cell, as lines: block tags (<p>, <ul>, <li>, <br>) and spaces between two Chinese
 * characters (the cell's printed line breaks) become line breaks; scripts and styles are dropped with their content,
 * any other tag is dropped, and entities are decoded. Each line gets Chinese typography.
 */
export function cellLines(html: string, spacesBreak = true): { lines: string[]; droppedScript: boolean } {
  const droppedScript = /<(script|style)\b/i.test(html);
  const flat = spacesBreak ? html : html.replace(/\s*\n\s*/g, ' ');
  const text = decodeEntities(
    flat
      .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
      .replace(BLOCK_TAGS, '\n')
      .replace(/<[^>]*>/g, ''),
  );
  const BREAK = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’])[ \t\u00a0\u3000]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’·])/u;
  const lines = text
    .split('\n')
    .flatMap((line) => (spacesBreak ? line.split(BREAK) : [line]))
    .map((line) => normalizeChinese(line))
    .filter(Boolean);
  return { lines, droppedScript };
}

/** Rows from tab-separated lines (`raw` keeps leading and trailing tabs: empty cells at either end). */
export function rowsFromTabs(rows: { line: number; raw: string }[], notes: Notes): TableRow[] {
  return rows.map(({ line, raw }) => ({
    line,
    cells: raw.split('\t').map((cell) => {
      const { lines, droppedScript } = cellLines(cell);
      if (droppedScript) notes.warn(line, 'import-text', '表格单元格中的 <script>/<style> 已删除');
      return { lines };
    }),
  }));
}

/** Rows from an HTML table (<tr>, <td>/<th> with rowspan/colspan); `line` is the table's first line. */
export function rowsFromHtml(html: string, line: number, notes: Notes): TableRow[] {
  const rows: TableRow[] = [];
  for (const row of html.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tbody|<\/thead|<\/table|$)/gi)) {
    const cells: TableCell[] = [];
    for (const cell of row[1]!.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)(?=<\/?(?:td|th|tr)\b|<\/t(?:body|head)|<\/table|$)/gi)) {
      const attributes = cell[2] ?? '';
      const span = (name: string) => {
        const match = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
        return match && Number(match[1]) > 1 ? Number(match[1]) : undefined;
      };
      const { lines, droppedScript } = cellLines(cell[3] ?? '', false);
      if (droppedScript) notes.warn(line, 'import-text', '表格单元格中的 <script>/<style> 已删除');
      cells.push({ lines, header: cell[1]!.toLowerCase() === 'th', rowspan: span('rowspan'), colspan: span('colspan') });
    }
    if (cells.length > 0) rows.push({ line, cells });
  }
  return rows;
}

function cellKey(cell: TableCell): string {
  return cell.lines.join('');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function gfmCell(cell: TableCell): string {
  return cell.lines.map((line) => escapeHtml(line).replace(/\|/g, '\\|')).join('<br>');
}

function htmlCell(cell: TableCell, tag: 'th' | 'td'): string {
  const spans = `${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}${cell.colspan ? ` colspan="${cell.colspan}"` : ''}`;
  return `<${tag}${spans}>${cell.lines.map(escapeHtml).join('<br>')}</${tag}>`;
}

/** Lines whose table could not be rebuilt, kept as read: one cell per line, in one column, for an editor to rebuild. */
export function linesAsTable(lines: string[]): string {
  return ['<table>', '<tbody>', ...lines.map((line) => `<tr><td>${escapeHtml(line)}</td></tr>`), '</tbody>', '</table>'].join('\n');
}

/**
 * One table from its rows. A header row repeated after a page break is dropped. Rows whose cell count differs from
 * the header's, or with empty cells, are "shifted" (cells moved by extraction, or spans): such a table stays HTML and
 * every shifted row is reported. A rectangular table without spans becomes a GFM table.
 */
export function convertTable(input: TableRow[], notes: Notes): ConvertedTable {
  const header = input[0]!;
  const headerKey = header.cells.map(cellKey).join('\t');
  const rows = [header];
  for (const row of input.slice(1)) {
    if (row.cells.map(cellKey).join('\t') === headerKey) {
      notes.info(row.line, 'import-table', '跨页重复的表头行已删除');
      continue;
    }
    rows.push(row);
  }
  const width = header.cells.filter((cell) => cell.lines.length > 0).length;
  for (const row of rows) {
    while (row.cells.length > width && row.cells.at(-1)!.lines.length === 0) row.cells.pop();
  }
  const spans = rows.some((row) => row.cells.some((cell) => cell.rowspan || cell.colspan));
  const shifted = rows.slice(1).filter((row) => row.cells.length !== width || row.cells.some((cell) => cell.lines.length === 0));
  const first = header.line;

  if (!spans && shifted.length === 0) {
    const lines = [
      `| ${header.cells.map(gfmCell).join(' | ')} |`,
      `| ${header.cells.map(() => '---').join(' | ')} |`,
      ...rows.slice(1).map((row) => `| ${row.cells.map(gfmCell).join(' | ')} |`),
    ];
    notes.info(first, 'import-table', `表格（${rows.length - 1} 行 × ${width} 列）转换为 GFM 表格`);
    return { markdown: lines.join('\n'), format: 'gfm' };
  }

  for (const row of shifted) {
    const filled = row.cells.filter((cell) => cell.lines.length > 0).length;
    const detail = row.cells.length !== width ? `有 ${row.cells.length} 个单元格，表头有 ${width} 个` : `有 ${row.cells.length - filled} 个空单元格`;
    notes.warn(row.line, 'import-table', `表格行「${cellKey(row.cells.find((cell) => cell.lines.length > 0) ?? { lines: [] }).slice(0, 16)}」${detail}：单元格可能被抽取错位或原为合并单元格，请对照印刷件核对（合并单元格用 rowspan/colspan）`);
  }
  if (spans && shifted.length === 0) notes.info(first, 'import-table', '表格有合并单元格（rowspan/colspan），保留为 HTML 表格');
  else notes.warn(first, 'import-table', `表格有 ${shifted.length} 行单元格错位或为空，保留为 HTML 表格（已清理属性和标签），请对照印刷件核对`);

  const headTag = (row: TableRow) => (row === header || row.cells.every((cell) => cell.header) ? 'th' : 'td');
  const html = [
    '<table>',
    '<thead>',
    `<tr>${header.cells.map((cell) => htmlCell(cell, 'th')).join('')}</tr>`,
    '</thead>',
    '<tbody>',
    ...rows.slice(1).map((row) => `<tr>${row.cells.map((cell) => htmlCell(cell, headTag(row))).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ];
  return { markdown: html.join('\n'), format: 'html' };
}
