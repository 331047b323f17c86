// Scroll hints for wide tables in a document's text: a line above each table box that is narrower than its table.

const HINT = '表格较宽，可左右滑动查看';

/**
 * Every `.document-body .table-scroll` gets a hint above it (`.table-hint`); the hint shows, and describes the box,
 * only while the table is wider than the box, rechecked when the box changes size. (Without the script, the box's edge
 * shadows in style.css still show that it scrolls.)
 */
export function addTableHints(root: ParentNode = document): void {
  const boxes = Array.from(root.querySelectorAll<HTMLElement>('.document-body .table-scroll'));
  if (boxes.length === 0) return;
  const hints = new Map<Element, HTMLElement>();
  boxes.forEach((box, index) => {
    const hint = document.createElement('p');
    hint.className = 'table-hint';
    hint.id = `table-hint-${index + 1}`;
    hint.textContent = `${HINT} →`;
    box.before(hint);
    hints.set(box, hint);
    update(box, hint);
  });
  if (typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) {
      const hint = hints.get(entry.target);
      if (hint) update(entry.target as HTMLElement, hint);
    }
  });
  for (const box of boxes) observer.observe(box);
}

/** Show the hint, and name it as the box's description, only while the table is wider than its box. */
function update(box: HTMLElement, hint: HTMLElement): void {
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  hint.hidden = !scrolls;
  if (scrolls) box.setAttribute('aria-describedby', hint.id);
  else box.removeAttribute('aria-describedby');
}
