// The search page's facets: a checkbox per value with its count, long facets folded to their first values.
import { SEARCH_FACET } from '../../gazette/browse.ts';
import { DOCUMENT_STATUSES, type DocumentStatus } from '../../gazette/validity.ts';
import { compareCodePoints } from '../../gazette/order.ts';
import { FACETS, type Facet, type SearchState } from './search-state.ts';
import { element } from './result-card.ts';

/** A facet with more values than this shows the first ones and a button for the rest (e.g. 年份 over decades). */
const FACET_VISIBLE = 6;

/** Every facet with every value (`all`), each counted for the current search (`counts`). */
export function renderFacets(
  box: HTMLElement,
  all: Record<string, Record<string, number>>,
  counts: Record<string, Record<string, number>>,
  state: SearchState,
  expanded: Set<Facet>,
): void {
  const groups = FACETS.filter((facet) => all[facet]).map((facet) => {
    const fieldset = element('fieldset', { class: 'facet', id: `facet-${FACETS.indexOf(facet)}` });
    fieldset.append(element('legend', {}, facet));
    const values = Object.keys(all[facet]!).sort(facetOrder(facet, all[facet]!));
    const collapsible = values.length > FACET_VISIBLE + 1; // folding away a single value would save nothing
    for (const [position, value] of values.entries()) {
      const id = `facet-${FACETS.indexOf(facet)}-${position}`;
      const checkbox = element('input', { type: 'checkbox', name: facet, value, id }) as HTMLInputElement;
      checkbox.checked = state.filters[facet]?.includes(value) ?? false;
      const count = counts[facet]?.[value] ?? 0;
      const label = element('label', { for: id }, value);
      label.append(element('span', { class: 'facet__count' }, `（${count}）`));
      const row = element('div', { class: count === 0 && !checkbox.checked ? 'facet__option facet__option--empty' : 'facet__option' });
      row.append(checkbox, label);
      fieldset.append(row);
    }
    if (collapsible) {
      fold(fieldset, expanded.has(facet));
      fieldset.append(facetToggle(facet, values.length, fieldset, expanded));
    }
    return fieldset;
  });
  box.replaceChildren(...groups);
}

/** Show a long facet's rows, or only its first ones; a chosen value always stays in sight. */
function fold(fieldset: HTMLElement, open: boolean): void {
  fieldset.querySelectorAll<HTMLElement>('.facet__option').forEach((row, position) => {
    row.hidden = !open && position >= FACET_VISIBLE && !row.querySelector<HTMLInputElement>('input')!.checked;
  });
}

/** The 显示全部 / 收起 button of a long facet; the choice holds while the reader stays on the page. */
function facetToggle(facet: Facet, total: number, fieldset: HTMLElement, expanded: Set<Facet>): HTMLElement {
  const label = (open: boolean) => (open ? '收起' : `显示全部 ${total} 项`);
  const open = expanded.has(facet);
  const button = element('button', { type: 'button', class: 'facet__toggle', 'aria-expanded': String(open), 'aria-controls': fieldset.id }, label(open));
  button.addEventListener('click', () => {
    if (expanded.has(facet)) expanded.delete(facet);
    else expanded.add(facet);
    const nowOpen = expanded.has(facet);
    fold(fieldset, nowOpen);
    button.setAttribute('aria-expanded', String(nowOpen));
    button.textContent = label(nowOpen);
  });
  return button;
}

/** 年份 newest first; 时效性 in force first, nothing recorded last; the others by count. */
function facetOrder(facet: Facet, counts: Record<string, number>): (a: string, b: string) => number {
  if (facet === SEARCH_FACET.year) return (a, b) => compareCodePoints(b, a);
  if (facet === SEARCH_FACET.status) {
    const rank = (value: string) => DOCUMENT_STATUSES.indexOf(value as DocumentStatus);
    return (a, b) => rank(a) - rank(b) || compareCodePoints(a, b);
  }
  return (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || compareCodePoints(a, b);
}
