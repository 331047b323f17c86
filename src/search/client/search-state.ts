// The search page's state (query, filters, sort) and its round trip through the URL, so searches can be shared.
import { SEARCH_FACET, SEARCH_FACETS, type SearchFacet } from '../../gazette/browse.ts';

/** The facets, in the order shown (gazette/browse.ts). */
export const FACETS = SEARCH_FACETS;
export type Facet = SearchFacet;

/**
 * The result order: newest first (the default: no `sort` in the URL), oldest first, or by relevance. A date order
 * reads the shards only as far as the results shown (word-search.ts); relevance reads them all.
 */
export type Sort = 'date-desc' | 'date-asc' | 'relevance';

export const DEFAULT_SORT: Sort = 'date-desc';

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
  return { q: (params.get('q') ?? '').trim(), filters, sort: sort === 'date-asc' || sort === 'relevance' ? sort : DEFAULT_SORT };
}

export function stateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) for (const value of state.filters[facet] ?? []) params.append(facet, value);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => (state.filters[facet]?.length ?? 0) > 0);
}

/** The years a state filters by (the year facet's values), for the search to skip the shards outside them. */
export function filteredYears(state: SearchState): number[] {
  return (state.filters[SEARCH_FACET.year] ?? []).map(Number).filter(Number.isInteger);
}
