// The search page's state (query, filters, sort) and its round trip through the URL, so searches can be shared.
import { SEARCH_FACETS, type SearchFacet } from '../../gazette/browse.ts';

/** The facets, in the order shown (gazette/browse.ts). */
export const FACETS = SEARCH_FACETS;
export type Facet = SearchFacet;

export type Sort = '' | 'date-desc' | 'date-asc';

export interface SearchState {
  q: string;
  filters: Partial<Record<Facet, string[]>>;
  sort: Sort;
}

export function stateFromUrl(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) filters[facet] = values;
  }
  const sort = params.get('sort');
  return { q: (params.get('q') ?? '').trim(), filters, sort: sort === 'date-desc' || sort === 'date-asc' ? sort : '' };
}

export function stateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) for (const value of state.filters[facet] ?? []) params.append(facet, value);
  if (state.sort) params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => (state.filters[facet]?.length ?? 0) > 0);
}

/** Pagefind's sort option for a state. */
export function pagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'date-desc') return { date: 'desc' };
  if (sort === 'date-asc') return { date: 'asc' };
  return undefined;
}
