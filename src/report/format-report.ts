// Prints vfile messages one per line, vfile-reporter style: `path:line:col  severity  message  rule-id`, then a summary.
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { compareFile, compareMessage } from 'vfile-sort';
import { statistics } from 'vfile-statistics';

export type ReportFormat = 'text' | 'json';

function severity(message: VFileMessage): 'error' | 'warning' | 'info' {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** One line per message, sorted by file then place. Empty string when there is nothing to say. */
export function formatReport(files: VFile[], format: ReportFormat = 'text'): string {
  const withMessages = files.filter((file) => file.messages.length > 0).sort(compareFile);
  const rows = withMessages.flatMap((file) => {
    const messages = [...file.messages].sort(compareMessage);
    return messages.map((message) => ({
      file: file.path,
      line: message.line ?? 1,
      column: message.column ?? 1,
      severity: severity(message),
      message: message.reason,
      ruleId: message.ruleId ?? null,
      source: message.source ?? null,
    }));
  });
  if (format === 'json') return JSON.stringify(rows, null, 2);
  if (rows.length === 0) return '';
  const lines = rows.map((row) => `${row.file}:${row.line}:${row.column}  ${row.severity}  ${row.message}  ${row.ruleId ?? ''}`.trimEnd());
  const stats = statistics(files);
  const parts = [stats.fatal ? `${stats.fatal} 个错误` : '', stats.warn ? `${stats.warn} 个警告` : ''].filter(Boolean);
  return `${lines.join('\n')}\n\n${stats.fatal ? '✖' : '⚠'} ${parts.join('，')}`;
}
