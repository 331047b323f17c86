// The search page in the browser: a 发文字号/登记号 answered from the lookup table, words searched with Pagefind (facets on demand), state in the URL.
import { lookupKey } from '../lookup-keys.ts';
import { SEARCH_META } from '../../gazette/browse.ts';
import { highlightWords, queryTerms } from '../search-terms.ts';
import { loadPagefind, type ShardedIndex } from './pagefind-api.ts';
import { lookupNumber, type NumberAnswer } from './number-lookup.ts';
import { showHit, startWordSearch, type WordSearch } from './word-search.ts';
import { renderFacets } from './facets.ts';
import { element, resultItem, siteHref } from './result-card.ts';
import { FACETS, filteredYears, hasFilters, stateFromUrl, stateToQuery, type Facet, type SearchState } from './search-state.ts';

/** What the page says the search box takes: 登记号 only in a gazette that has them (`data-registration`). */
function numberKinds(root: HTMLElement, joiner: string): string {
  return root.dataset.registration === undefined ? SEARCH_META.docNumber : `${SEARCH_META.docNumber}${joiner}${SEARCH_META.registrationCode}`;
}

/** `a、b、c或d` */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join('、')}或${items.at(-1)}`;
}

const PAGE_SIZE = 10;

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement): void {
  const base = root.dataset.baseUrl ?? '/';
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = form.querySelector<HTMLInputElement>('input[name=q]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name=sort]')!;
  const facetsToggle = root.querySelector<HTMLButtonElement>('[data-facets-toggle]')!;
  const facetsBox = root.querySelector<HTMLElement>('[data-facets]')!;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const lookupBox = root.querySelector<HTMLElement>('[data-lookup]')!;
  const list = root.querySelector<HTMLOListElement>('[data-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
  const related = root.querySelector<HTMLElement>('[data-related]')!;
  root.classList.add('search--ready');

  let state = stateFromUrl(location.search);
  let generation = 0;
  /** Pagefind and its shards, loaded at the first word search or when the facets are opened */
  let index: Promise<ShardedIndex> | undefined;
  /** every facet value with its count, loaded when the facets are first opened */
  let allFilters: Record<string, Record<string, number>> | undefined;
  /** facets show on demand (their files cost every shard a download); open from the start when the URL filters */
  let facetsOpen = hasFilters(state);
  /** long facets the reader has opened (显示全部) */
  const expandedFacets = new Set<Facet>();
  /** The current word search, shown a page at a time: snippets are fetched only for what is shown. */
  let page: Paging | undefined;

  const loadIndex = () => {
    index ??= loadPagefind(base).catch((error: unknown) => {
      index = undefined; // a later search tries again
      throw error;
    });
    return index;
  };

  /** Fetches and shows the next page of results; the first page replaces the list in one step. */
  const showMore = async () => {
    if (!page || page.loading) return; // a second click while a page loads must not fetch (and skip) it twice
    const current = generation;
    const paging = page;
    paging.loading = true;
    // Not `disabled`: a disabled button drops the keyboard focus. A second click is ignored by `loading` above.
    more.setAttribute('aria-disabled', 'true');
    try {
      const { search } = paging;
      if (search.hits.length < paging.shown + PAGE_SIZE && !search.done) status.textContent = `正在检索${state.sort === 'date-asc' ? '更晚' : '更早'}的各期…`;
      await search.extend(paging.shown + PAGE_SIZE); // a date order reads further shards only now
      const slice = search.hits.slice(paging.shown, paging.shown + PAGE_SIZE);
      const shown = await Promise.all(slice.map((hit) => showHit(base, hit)));
      if (current !== generation) return;
      const items = shown.map(({ card, excerpt }) => resultItem(card, { base, highlight: state.q || undefined, excerpt: { text: excerpt, words: paging.words } }));
      if (paging.shown === 0) list.replaceChildren(...items);
      else list.append(...items);
      paging.shown += slice.length;
      const focused = document.activeElement === more;
      more.hidden = paging.shown >= search.hits.length && search.done;
      status.textContent = resultStatus(state, search, paging.shown);
      // The last page is shown and the button goes: keep the keyboard focus on the page, at the status line.
      if (focused && more.hidden) status.focus();
    } finally {
      paging.loading = false;
      more.removeAttribute('aria-disabled');
    }
  };

  /**
   * A fetch failed (network down, or the site was redeployed under an open page): say so instead of waiting forever.
   * Pagefind keeps a shard whose files failed to load and fails every later search with it, so the index is dropped
   * and the next search loads it afresh.
   */
  const fail = (current: number) => {
    if (current !== generation) return;
    const failed = index;
    index = undefined;
    allFilters = undefined;
    void failed?.then((sharded) => sharded.pagefind.destroy()).catch(() => {});
    page = undefined;
    more.hidden = true;
    list.replaceChildren();
    lookupBox.replaceChildren();
    related.hidden = true;
    status.textContent = '检索暂时出错（网络中断，或网站刚刚更新）。请刷新页面后重试，或按期浏览往期目录。';
    root.dataset.searchState = 'error';
  };

  const showFacets = (visible: boolean) => {
    facetsToggle.hidden = !visible;
    facetsToggle.setAttribute('aria-expanded', String(facetsOpen));
    facetsBox.hidden = !visible || !facetsOpen;
  };

  const run = async (push: boolean) => {
    const current = ++generation;
    root.dataset.searchState = 'busy';
    root.dataset.query = state.q;
    input.value = state.q;
    sortSelect.value = state.sort;
    if (push) history.pushState(null, '', `${location.pathname}${stateToQuery(state)}`);
    document.title = state.q ? `${state.q} - 检索 - ${document.title.split(' - ').pop()}` : document.title;
    page = undefined;
    more.hidden = true;
    related.hidden = true;
    lookupBox.replaceChildren();
    const key = lookupKey(state.q);
    showFacets(!key);
    if (!state.q && !hasFilters(state) && !facetsOpen) {
      status.textContent = `输入关键词、${numberKinds(root, '或')}开始检索，也可以直接按${orList(FACETS)}筛选。`;
      list.replaceChildren();
      root.dataset.searchState = 'done';
      return;
    }
    status.textContent = '正在检索…';
    try {
      if (key) {
        const answer = await lookupNumber(base, key, Number(root.dataset.lookupBuckets));
        if (current !== generation) return;
        showNumber(answer);
      } else {
        const sharded = await loadIndex();
        if (facetsOpen && !allFilters) {
          await sharded.load(sharded.shards.map((shard) => shard.bundle)); // the facets count every shard
          allFilters = await sharded.pagefind.filters();
        }
        const { terms } = queryTerms(state.q);
        const words = highlightWords(state.q);
        // Values of one facet are alternatives (2019 or 2020); Pagefind requires all of a plain list.
        const filters = Object.fromEntries(Object.entries(state.filters).flatMap(([facet, values]) => (values?.length ? [[facet, { any: values }]] : []))) as Record<string, { any: string[] }>;
        const asked = Boolean(state.q) || hasFilters(state);
        const query = { terms, filters, years: filteredYears(state) };
        // Open facets count every shard, so the search then reads them all at once.
        const found = !asked || (state.q && terms.length === 0) ? undefined : await startWordSearch(sharded, query, state.sort, PAGE_SIZE, facetsOpen);
        if (current !== generation) return;
        if (facetsOpen && allFilters) renderFacets(facetsBox, allFilters, found?.counts ?? allFilters, state, expandedFacets);
        if (!asked) {
          status.textContent = `输入关键词、${numberKinds(root, '或')}开始检索，也可以直接按${orList(FACETS)}筛选。`;
          list.replaceChildren();
        } else if (!found || found.hits.length === 0) {
          if (!(await sharded.stillCurrent())) throw new Error('index gone');
          if (current !== generation) return;
          list.replaceChildren();
          status.replaceChildren(noResults(root, state));
        } else {
          page = { search: found, words, shown: 0, loading: false };
          await showMore();
        }
      }
      if (current === generation) root.dataset.searchState = 'done';
    } catch {
      fail(current);
    }
  };

  /** The exact hit, or 本站未收录 with the nearest numbers; then the documents citing the number (其他相关文件). */
  const showNumber = (answer: NumberAnswer) => {
    const { number, entry } = answer;
    const mentions = entry.mentions ?? [];
    const cited = mentions.length ? `另有 ${mentions.length + (entry.more ?? 0)} 篇文件在正文中引用它。` : '';
    if (entry.document) {
      list.replaceChildren(resultItem(entry.document, { base, exact: true }));
      status.textContent = `${answer.registration ? SEARCH_META.registrationCode : SEARCH_META.docNumber}精确匹配：${number}。${cited}`;
    } else {
      list.replaceChildren();
      lookupBox.replaceChildren(missing(answer, base));
      status.textContent = `本站未收录 ${number}。${cited}`;
    }
    if (mentions.length === 0) return;
    const items = mentions.map((card) => resultItem(card, { base, highlight: entry.document?.docNumber ?? number, level: 3 }));
    related.querySelector('[data-related-results]')!.replaceChildren(...items);
    related.querySelector('[data-related-note]')!.textContent = `正文引用 ${number} 的文件${entry.more ? `（共 ${mentions.length + entry.more} 篇，列出最新 ${mentions.length} 篇）` : ''}：`;
    related.hidden = false;
  };

  more.addEventListener('click', () => {
    const current = generation;
    showMore().catch(() => fail(current));
  });
  facetsToggle.addEventListener('click', () => {
    facetsOpen = !facetsOpen;
    showFacets(true);
    // Opened, the facets count this search over every shard (its files load then), whatever was counted before.
    if (facetsOpen) void run(false);
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
  void run(false);
}

interface Paging {
  search: WordSearch;
  /** the reader's words, marked in the excerpts */
  words: string[];
  shown: number;
  /** a page of results is being fetched */
  loading: boolean;
}

/**
 * What the status line says of a word search: the whole count once every shard is searched; before that, how far
 * back (or forward) the search has read, and that 显示更多 reads further.
 */
function resultStatus(state: SearchState, search: WordSearch, shown: number): string {
  const what = state.q ? `“${state.q}”` : '所选条件';
  const part = shown < search.hits.length ? `，显示前 ${shown} 篇` : '';
  if (search.done) return `${what}共找到 ${search.hits.length} 篇文件${part}。`;
  const reached = search.searched.at(-1)!;
  const oldest = state.sort === 'date-asc';
  const span = oldest ? `${reached.last}及以前` : `${reached.first}以来`;
  return `${what}在${span}的各期中找到 ${search.hits.length} 篇文件${part}；点“显示更多结果”继续检索${oldest ? '更晚' : '更早'}的各期。`;
}

/** 本站未收录 <number>, and the nearest numbers of its series the site holds. */
function missing(answer: NumberAnswer, base: string): HTMLElement {
  const box = element('div', { class: 'lookup-miss' });
  box.append(element('p', { class: 'lookup-miss__lead' }, `本站未收录 ${answer.number}`));
  if (answer.nearest.length) {
    box.append(element('p', {}, answer.registration ? '同一年份的相邻登记号：' : '同一机关代字、同一年份的相邻文号：'));
    const items = answer.nearest.map((near) => {
      const item = element('li');
      item.append(element('a', { href: siteHref(base, near.url) }, near.number), ` ${near.title}`);
      return item;
    });
    const nearest = element('ul', { class: 'plain-list' });
    nearest.append(...items);
    box.append(nearest);
  }
  return box;
}

function noResults(root: HTMLElement, state: SearchState): HTMLElement {
  const box = element('div', { class: 'no-results' });
  box.append(element('p', {}, state.q ? `没有找到与“${state.q}”相关的文件。` : '没有符合所选条件的文件。'));
  const tips = element('ul');
  if (hasFilters(state)) {
    const clear = element('button', { type: 'button', 'data-clear-filters': '' }, '取消全部筛选条件');
    const tip = element('li');
    tip.append(clear);
    tips.append(tip);
  }
  const word = root.dataset.exampleWord;
  tips.append(element('li', {}, `减少关键词，或换一种说法${word ? `（如只搜“${word}”这样的一个词）` : ''}。`));
  const example = root.dataset.exampleNumber;
  tips.append(element('li', {}, `查发文字号时写全机关代字、年份和序号${example ? `，如 ${example}` : ''}。`));
  box.append(tips);
  return box;
}
