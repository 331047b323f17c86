// The search page in the browser: exact 发文字号/登记号 lookup first, then Pagefind results with facets, sort and URL state.
import { lookupBucket, lookupKey } from '../lookup-keys.ts';
import type { LookupRecord } from '../lookup-table.ts';
import { loadPagefind, type Pagefind, type PagefindResultData, type PagefindSearch } from './pagefind-api.ts';
import { FACETS, hasFilters, pagefindSort, stateFromUrl, stateToQuery, type Facet, type SearchState } from './search-state.ts';
import { compareCodePoints } from '../../gazette/order.ts';
import { SEARCH_FACET, SEARCH_META } from '../../gazette/browse.ts';

/** What the page says the search box takes: 登记号 only in a gazette that has them (`data-registration`). */
function numberKinds(root: HTMLElement, joiner: string): string {
  return root.dataset.registration === undefined ? '发文字号' : `发文字号${joiner}登记号`;
}

/** `a、b、c或d` */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join('、')}或${items.at(-1)}`;
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);

async function start(root: HTMLElement): Promise<void> {
  const base = root.dataset.baseUrl ?? '/';
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name=sort]')!;
  const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  root.classList.add('search--ready');

  let pagefind: Pagefind;
  let allFilters: Record<string, Record<string, number>>;
  try {
    pagefind = await loadPagefind(base);
    allFilters = await pagefind.filters();
  } catch {
    status.textContent = '检索索引加载失败，请稍后重试，或按期浏览往期目录。';
    root.dataset.searchState = 'error';
    return;
  }
  let state = stateFromUrl(location.search);
  let generation = 0;
  /** long facets the reader has opened (显示全部) */
  const expandedFacets = new Set<Facet>();
  /** The current search, shown a page at a time: result fragments are fetched only for what is shown. */
  let page: Paging | undefined;

  /** Fetches and shows the next page of results; the first page replaces the previous search's list in one step. */
  const showMore = async () => {
    if (!page || page.loading) return; // a second click while a page loads must not fetch (and skip) it twice
    const current = generation;
    const paging = page;
    paging.loading = true;
    more.disabled = true;
    try {
      const first = paging.shown === 0;
      const slice = paging.results.slice(paging.shown, paging.shown + PAGE_SIZE);
      const data = await Promise.all(slice.map((result) => result.data()));
      if (current !== generation) return;
      paging.shown += slice.length;
      const exactUrl = paging.exact?.url;
      const others = data.filter((result) => stripQuery(result.url) !== exactUrl);
      if (others.length < data.length) paging.total--;
      const items = others.map((result) => pagefindItem(result, state));
      if (first) list.replaceChildren(...(paging.exact ? [exactItem(paging.exact)] : []), ...items);
      else list.append(...items);
      more.hidden = paging.shown >= paging.results.length;
      renderStatus(status, state, paging.exact, list.children.length, paging.total);
    } finally {
      paging.loading = false;
      more.disabled = false;
    }
  };

  /** A fetch failed (network down, or the site was redeployed under an open page): say so instead of waiting forever. */
  const fail = (current: number) => {
    if (current !== generation) return;
    page = undefined;
    more.hidden = true;
    list.replaceChildren();
    status.textContent = '检索暂时出错（网络中断，或网站刚刚更新）。请刷新页面后重试，或按期浏览往期目录。';
    root.dataset.searchState = 'error';
  };

  const run = async (push: boolean) => {
    const current = ++generation;
    root.dataset.searchState = 'busy';
    input.value = state.q;
    sortSelect.value = state.sort;
    if (push) history.pushState(null, '', `${location.pathname}${stateToQuery(state)}`);
    document.title = state.q ? `${state.q} - 检索 - ${document.title.split(' - ').pop()}` : document.title;
    page = undefined;
    more.hidden = true;
    if (!state.q && !hasFilters(state)) {
      renderFacets(facetsBox, allFilters, allFilters, state, expandedFacets);
      status.textContent = `输入关键词、${numberKinds(root, '或')}开始检索，也可以直接按${orList(FACETS)}筛选。`;
      list.replaceChildren();
      root.dataset.searchState = 'done';
      return;
    }
    status.textContent = '正在检索…';
    try {
      const [exact, search] = await Promise.all([exactHit(base, state.q), pagefind.search(state.q || null, { filters: state.filters, sort: pagefindSort(state.sort) })]);
      if (current !== generation) return;
      renderFacets(facetsBox, allFilters, search?.filters ?? {}, state, expandedFacets);
      const results = search?.results ?? [];
      page = { results, shown: 0, exact, total: results.length + (exact ? 1 : 0), loading: false };
      if (results.length === 0 && !exact) {
        list.replaceChildren();
        status.replaceChildren(noResults(state));
      } else {
        await showMore();
      }
      if (current === generation) root.dataset.searchState = 'done';
    } catch {
      fail(current);
    }
  };

  more.addEventListener('click', () => {
    const current = generation;
    showMore().catch(() => fail(current));
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: input.value.trim() };
    void run(true);
  });
  sortSelect.addEventListener('change', () => {
    state = { ...state, sort: sortSelect.value as SearchState['sort'] };
    void run(true);
  });
  facetsBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const facet = box.name as Facet;
    const values = new Set(state.filters[facet] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state = { ...state, filters: { ...state.filters, [facet]: [...values] } };
    void run(true);
  });
  root.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target.matches('[data-clear-filters]')) {
      state = { ...state, filters: {} };
      void run(true);
    }
  });
  window.addEventListener('popstate', () => {
    state = stateFromUrl(location.search);
    void run(false);
  });
  await run(false);
}

/** The document a 发文字号/登记号 query names, from the lookup bucket files (a missing bucket means no hit). */
async function exactHit(base: string, query: string): Promise<LookupRecord | undefined> {
  const key = lookupKey(query);
  if (!key) return undefined;
  try {
    const response = await fetch(`${base}search/lookup/${lookupBucket(key)}.json`);
    if (!response.ok) return undefined;
    const bucket = (await response.json()) as Record<string, LookupRecord>;
    const record = bucket[key];
    return record ? { ...record, url: `${base}${record.url.replace(/^\//, '')}` } : undefined;
  } catch {
    return undefined;
  }
}

/** A facet with more values than this shows the first ones and a button for the rest (e.g. 年份 over decades). */
const FACET_VISIBLE = 6;

function renderFacets(
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

function facetOrder(facet: Facet, counts: Record<string, number>): (a: string, b: string) => number {
  if (facet === SEARCH_FACET.year) return (a, b) => compareCodePoints(b, a);
  if (facet === SEARCH_FACET.status) return (a, b) => (a === '有效' ? -1 : b === '有效' ? 1 : compareCodePoints(a, b));
  return (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || compareCodePoints(a, b);
}

interface Paging {
  results: PagefindSearch['results'];
  shown: number;
  exact: LookupRecord | undefined;
  /** results + the exact hit, less the exact hit once it turns up among the results */
  total: number;
  /** a page of results is being fetched */
  loading: boolean;
}

const PAGE_SIZE = 10;

function exactItem(exact: LookupRecord): HTMLElement {
  return resultItem(exact.url, exact.title, [exact.docNumber, exact.dateText, exact.issuers.join('、')], null, true);
}

/** A Pagefind result; its link asks the target page to highlight the query as typed (not Pagefind's word segments). */
function pagefindItem(result: PagefindResultData, state: SearchState): HTMLElement {
  const url = state.q ? `${result.url}?highlight=${encodeURIComponent(state.q)}` : result.url;
  const meta = result.meta;
  return resultItem(url, meta.title ?? result.url, [meta[SEARCH_META.docNumber], meta[SEARCH_META.date], meta[SEARCH_META.issuers]], result.excerpt, false);
}

function renderStatus(status: HTMLElement, state: SearchState, exact: LookupRecord | undefined, shown: number, total: number): void {
  const what = state.q ? `“${state.q}”` : '所选条件';
  const part = shown < total ? `，显示前 ${shown} 篇` : '';
  status.textContent = `${what}共找到 ${total} 篇文件${part}${exact ? `；第一篇为${numberKinds(status.closest<HTMLElement>('[data-search]')!, '/')}精确匹配` : ''}。`;
}

function resultItem(url: string, title: string, facts: (string | undefined)[], excerpt: string | null, exact: boolean): HTMLElement {
  const item = element('li', { class: exact ? 'result result--exact' : 'result' });
  const heading = element('h2', { class: 'result__title' });
  heading.append(element('a', { href: url }, title));
  if (exact) heading.append(element('span', { class: 'result__badge' }, '精确匹配'));
  const details = element('p', { class: 'result__meta' });
  details.textContent = facts.filter(Boolean).join(' · ');
  item.append(heading, details);
  if (excerpt) item.append(excerptElement(excerpt));
  return item;
}

/** Pagefind's excerpt is HTML with <mark>: keep only its text and the marks. */
function excerptElement(html: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const paragraph = element('p', { class: 'result__excerpt' });
  for (const node of Array.from(template.content.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName === 'MARK') paragraph.append(element('mark', {}, node.textContent ?? ''));
    else paragraph.append(document.createTextNode(node.textContent ?? ''));
  }
  return paragraph;
}

function noResults(state: SearchState): HTMLElement {
  const box = element('div', { class: 'no-results' });
  box.append(element('p', {}, state.q ? `没有找到与“${state.q}”相关的文件。` : '没有符合所选条件的文件。'));
  const tips = element('ul');
  if (hasFilters(state)) {
    const clear = element('button', { type: 'button', 'data-clear-filters': '' }, '取消全部筛选条件');
    const tip = element('li');
    tip.append(clear);
    tips.append(tip);
  }
  const word = root?.dataset.exampleWord;
  tips.append(element('li', {}, `减少关键词，或换一种说法${word ? `（如只搜“${word}”这样的一个词）` : ''}。`));
  const example = root?.dataset.exampleNumber;
  tips.append(element('li', {}, `查发文字号时写全机关代字、年份和序号${example ? `，如 ${example}` : ''}。`));
  box.append(tips);
  return box;
}

function stripQuery(url: string): string {
  return url.replace(/[?#].*$/, '');
}

function element(tag: string, attributes: Record<string, string> = {}, text?: string): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}
