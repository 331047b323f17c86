// Types for the part of Pagefind's browser API (pagefind.js) the search page uses, and loading it under the base path.

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindSearch {
  results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  /** counts per filter value for this query */
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface SearchOptions {
  filters?: Record<string, string[]>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/**
 * Import /<base>/pagefind/pagefind.js (a module Pagefind writes next to the site, so not bundled), and merge the other
 * shards listed in /<base>/search/shards.json (an empty list when the index is one bundle). Both are fetched at once.
 */
export async function loadPagefind(base: string): Promise<Pagefind> {
  const url = `${base}pagefind/pagefind.js`;
  const shardList = fetch(`${base}search/shards.json`).then((response) => (response.ok ? (response.json() as Promise<string[]>) : []), () => []);
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 36 });
  for (const bundle of await shardList) await pagefind.mergeIndex(`${base}${bundle}`, { baseUrl: base });
  await pagefind.init();
  return pagefind;
}
