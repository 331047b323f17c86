// The review report's summary: cover facts, documents found against 目录 entries, and what the cleaning did, in counts.
import type { ImportResult } from './import-issue.ts';
import { issueLabel, totalLabel, type IssueUnit } from '../gazette/issue-address.ts';
import type { RawEncoding } from './read-raw.ts';

function pad(text: string, width: number): string {
  const length = [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - length));
}

function short(text: string, length = 28): string {
  return [...text].length > length ? `${[...text].slice(0, length).join('')}…` : text;
}

/**
 * Plain-text summary printed before the placed review notes. `rawName` is the raw file as given on the command line;
 * `unit` is the config's issue_unit (第2期 or 第2号); `encoding` the one the raw text was decoded from.
 */
export function summaryReport(result: ImportResult, rawName: string, outName: string, unit: IssueUnit, encoding: RawEncoding = 'UTF-8'): string {
  const { cover, contents, documents, orphans, notes, heads } = result;
  const out: string[] = [`导入 ${rawName} → ${outName}`, ''];
  if (encoding !== 'UTF-8') out.push(`编码  原文是 ${encoding} 编码：已${encoding === 'GBK' ? '按 GBK（GB18030 的一部分）' : '按 GB18030 '}解码，写出的文件是 UTF-8`);
  const issue = result.issue;
  if (issue) {
    out.push(
      `封面  ${cover.name ?? '（无刊名）'} ${issueLabel(issue, unit)}（${totalLabel(issue.total_number, unit)}），出版日期 ${issue.published}；编辑委员会 ${issue.editorial_board.length} 项，封面声明 ${issue.statements.length} 条`,
    );
  }
  out.push(
    contents.entries.length > 0
      ? `目录  ${contents.entries.length} 条，${contents.sections.length} 个栏目${contents.sections.length ? `：${contents.sections.map((section) => section.name).join('、')}` : ''}`
      : '目录  没有读出目录条目',
  );
  const matched = documents.filter((document) => document.entry).length;
  out.push(
    `正文  找到 ${documents.length} 篇文件；${matched} 篇与目录条目对应${documents.length - matched ? `，${documents.length - matched} 篇不在目录中` : ''}${orphans.length ? `，目录中 ${orphans.length} 条在正文中没有找到` : ''}`,
    '',
  );
  if (documents.length > 0 || orphans.length > 0) {
    out.push(`  ${pad('目录行', 12)}${pad('正文行', 8)}${pad('页码', 6)}${pad('核对', 6)}${pad('栏目', 14)}${pad('文件', 16)}${pad('发文字号', 22)}标题`);
    for (const document of documents) {
      const from = document.heading.titleLines[0]?.n ?? document.heading.numberLine.n;
      const to = Math.max(document.heading.numberLine.n, ...document.blocks.map((block) => block.end));
      const flagged = notes.items.filter((note) => note.severity !== 'info' && note.line >= from && note.line <= to).length;
      out.push(
        `  ${pad(document.entry ? `${document.entry.line}${document.similarity !== undefined ? `≈${document.similarity.toFixed(2)}` : ''}` : '-', 12)}${pad(String(document.heading.numberLine.n), 8)}${pad(String(document.data.page), 6)}${pad(flagged ? String(flagged) : '-', 6)}${pad(document.data.section, 14)}${pad(document.slug, 16)}${pad(document.data.doc_number, 22)}${short(document.data.title)}`,
      );
    }
    for (const entry of orphans) {
      out.push(`  ${pad(String(entry.line), 12)}${pad('-', 8)}${pad(entry.page ? String(entry.page) : '-', 6)}${pad('1', 6)}${pad(entry.section ?? '-', 14)}${pad('（未找到）', 16)}${pad(entry.printed ?? '-', 22)}${short(entry.title)}`);
    }
    out.push('');
  }
  const headCounts = heads.heads.map((head) => `${head.text} ×${head.count}${head.learned === 'repeated' ? '（按分页处重复识别）' : ''}`);
  const cleaning = [
    `删除页眉 ${heads.heads.reduce((sum, head) => sum + head.count, 0)} 处${headCounts.length ? `（${headCounts.join('、')}）` : ''}`,
    heads.pages.length ? `删除页码行 ${heads.pages.length} 处` : '',
    `跨页接合 ${notes.count('info', 'import-page-break')} 处`,
    `删除列表残留 ${notes.items.filter((item) => item.rule === 'import-list' && item.message.includes('已删除')).length} 组`,
    `表格 ${documents.reduce((sum, document) => sum + document.blocks.filter((block) => block.kind === 'table').length, 0)} 个`,
  ].filter(Boolean);
  out.push(`清理  ${cleaning.join('；')}`);
  const warnings = notes.count('warning');
  const errors = notes.count('error');
  out.push(
    '',
    errors
      ? `导入失败：${errors} 个错误${warnings ? `，${warnings} 处需要核对` : ''}（见下，按原文行号）`
      : warnings
        ? `需要人工核对 ${warnings} 处（见下，按原文行号；每处写明导入时做了什么、为什么）：`
        : '没有需要人工核对的地方。',
  );
  return out.join('\n');
}
