// The one script on reading pages: re-evaluates 时效性 against the reader's today (badges, the 失效 notice, the printed
// header), dates the printed footer, shows 引用本文's copy buttons and wide tables' scroll hints, and highlights
// ?highlight= terms.
import { formatChineseDate } from '../../content/chinese-date.ts';
import { statusClass, todayInChina, validityStatus, type ValidityRecord } from '../../gazette/validity.ts';
import { enableCopyButtons } from './copy-buttons.ts';
import { setPrintDate, setPrintStatus } from './print-running.ts';
import { addTableHints } from './table-hints.ts';
import { highlightWords, markRanges } from '../../search/search-terms.ts';

updateValidity();
enableCopyButtons();
addTableHints();
highlightTerms(new URLSearchParams(location.search).getAll('highlight'));

/**
 * Status badges carry the build-time status (`data-status`) and the records behind it (`data-validity`, the model's
 * `validity` as JSON); restate it for the reader's today, so a page built in 2021 still says 失效 in 2023. A document
 * built as 有效 or 已修改 with an 有效期至 carries its 失效 notice hidden (`[data-expires]`): shown once that day has
 * passed. The printed header states the document's status and the footer the reader's today.
 */
function updateValidity(): void {
  const today = todayInChina();
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-validity]'))) {
    const status = validityStatus(JSON.parse(node.dataset.validity!) as ValidityRecord, today);
    if (node.dataset.status === status) continue;
    node.dataset.status = status;
    node.textContent = status;
    node.className = `status status--${statusClass(status)}`;
  }
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-status-date]'))) {
    node.textContent = `截至 ${formatChineseDate(today)}`;
  }
  // The 失效 notice a page carries hidden shows once its document's badge, restated above, says 失效, in place of the
  // notice it was built with (已修改), as a page built that day would have it.
  for (const notice of Array.from(document.querySelectorAll<HTMLElement>('[data-expires]'))) {
    const scope = notice.closest('article, main');
    const expired = scope?.querySelector<HTMLElement>('[data-validity]')?.dataset.status === '失效';
    notice.hidden = !expired;
    for (const other of Array.from(scope?.querySelectorAll<HTMLElement>('[data-status-notice]:not([data-expires])') ?? [])) other.hidden = expired;
  }
  const line = document.querySelector<HTMLElement>('.document-header .document-status');
  const badge = line?.querySelector<HTMLElement>('[data-status]');
  if (badge?.dataset.status) setPrintStatus(line?.querySelector('.document-status__label')?.textContent ?? '', badge.dataset.status);
  setPrintDate(formatChineseDate(today));
}

/** Mark the search words in the document title and text, as the result list marked them (search-terms.ts). */
function highlightTerms(terms: string[]): void {
  const words = highlightWords(terms.join(' '));
  if (words.length === 0) return;
  let first: HTMLElement | undefined;
  for (const scope of Array.from(document.querySelectorAll('.document-title, .document-body'))) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    while (walker.nextNode()) texts.push(walker.currentNode as Text);
    for (const text of texts) {
      const value = text.nodeValue ?? '';
      const ranges = markRanges(value, words);
      if (ranges.length === 0) continue;
      const fragment = document.createDocumentFragment();
      let last = 0;
      for (const [from, to] of ranges) {
        const mark = document.createElement('mark');
        mark.className = 'search-highlight';
        mark.textContent = value.slice(from, to);
        first ??= mark;
        fragment.append(value.slice(last, from), mark);
        last = to;
      }
      fragment.append(value.slice(last));
      text.replaceWith(fragment);
    }
  }
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}
