// The reader's side of the printed running header and footer (print.css, partials/print-running.njk): the print date
// is the reader's today, and the header's 时效性 follows the status restated for that day.

/** The CSS string of a text (a JSON string is one: quotes and backslashes escaped). */
function cssString(text: string): string {
  return JSON.stringify(text);
}

/** Set the footer's date to `dateText` (the reader's today), in place of the build date the page was written with. */
export function setPrintDate(dateText: string): void {
  document.documentElement.style.setProperty('--print-date', cssString(`打印日期 ${dateText}`));
}

/** Set the header's status, where the page prints one (a document that carries no validity has none). */
export function setPrintStatus(label: string, status: string): void {
  if (!document.querySelector('style[data-print-status]')) return;
  document.documentElement.style.setProperty('--print-status', cssString(`${label}：${status}`));
}
