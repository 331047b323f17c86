// Types for the part of Pagefind's browser API (pagefind.js) the search page uses, and loading it under the base path.
import { SHARDS_MANIFEST } from '../shards.ts';

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
 * shards listed in /<base>/search/shards.json (an empty list when the index is one bundle; the build always writes it,
 * so a failure to fetch it is an error, not a silently partial index). The list and the module are fetched at once,
 * and the shards are merged side by side.
 */
export async function loadPagefind(base: string): Promise<Pagefind> {
  const shardList = fetch(`${base}${SHARDS_MANIFEST}`).then((response) => {
    if (!response.ok) throw new Error(`${SHARDS_MANIFEST}: HTTP ${response.status}`);
    return response.json() as Promise<string[]>;
  });
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base, excerptLength: 36 });
  await Promise.all((await shardList).map((bundle) => pagefind.mergeIndex(`${base}${bundle}`, { baseUrl: base })));
  await pagefind.init();
  return pagefind;
}
